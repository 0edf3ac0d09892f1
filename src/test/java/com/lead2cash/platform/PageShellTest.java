package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/** The page shell's model is made for pages only: not for an API answer, which is a body ({@link PageShellRenderTest}: the pages keep it). */
class PageShellTest {

    @RestController
    static class Api {
        String list() {
            return "[]";
        }
    }

    @Controller
    static class Pages {
        String page() {
            return "leads/list";
        }

        @ResponseBody
        byte[] download() {
            return new byte[0];
        }
    }

    static class Shared {
        String shared() {
            return "x";
        }
    }

    @RestController
    static class ApiOfShared extends Shared {
    }

    @Controller
    static class PageOfShared extends Shared {
    }

    private static MockHttpServletRequest handledBy(Object bean, String method) throws NoSuchMethodException {
        MockHttpServletRequest request = new MockHttpServletRequest();
        Class<?> declaring = bean.getClass();
        while (java.util.Arrays.stream(declaring.getDeclaredMethods()).noneMatch(m -> m.getName().equals(method))) {
            declaring = declaring.getSuperclass();
        }
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE,
                new HandlerMethod(bean, declaring.getDeclaredMethod(method)));
        return request;
    }

    @Test
    void oneMethodInheritedByAnApiAndByAPageIsJudgedByTheControllerThatHandles() throws Exception {
        assertThat(PageShell.isRendered(handledBy(new ApiOfShared(), "shared"))).isFalse();
        assertThat(PageShell.isRendered(handledBy(new PageOfShared(), "shared"))).isTrue();
    }

    @Test
    void aPageRendersTheShellAndAnApiAnswerOrADownloadDoesNot() throws Exception {
        assertThat(PageShell.isRendered(handledBy(new Pages(), "page"))).isTrue();
        assertThat(PageShell.isRendered(handledBy(new Api(), "list"))).isFalse();
        assertThat(PageShell.isRendered(handledBy(new Pages(), "download"))).isFalse();
    }

    @Test
    void aRequestWithoutAHandlerMethodRendersTheShell() {
        // error pages and views reached without a controller method still get their shell
        assertThat(PageShell.isRendered(new MockHttpServletRequest())).isTrue();
    }
}
