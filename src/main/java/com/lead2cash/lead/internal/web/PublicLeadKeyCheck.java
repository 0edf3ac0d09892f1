package com.lead2cash.lead.internal.web;

import com.lead2cash.lead.internal.capture.WebToLead;
import com.lead2cash.platform.ClientAddressThrottle;
import com.lead2cash.platform.ClientAddressThrottle.Credential;
import com.lead2cash.platform.RequestRefusedException;
import com.lead2cash.platform.web.SingleHeader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web-to-lead key is checked, and counted against its budget, before the body is read: the endpoint is
 * open to anyone, so a caller without a valid key gets 401 (and a spent key 429) whatever it sends — not a
 * lecture about its body, and not the work of reading a large one (decision 0014: 401 comes first). Wrong keys
 * count against the client address like failed sign-ins: an address that spent them is refused (429) before its
 * key is looked up, even a valid one, so guessing learns nothing more until the window ends (decision 0037).
 * An {@code OPTIONS} request (a browser's CORS preflight among them) carries no key and submits nothing: it is
 * not checked, and answers what the route allows; the product configures no cross-origin access, so a preflight
 * gets no {@code Access-Control-Allow-Origin} and a website's form posts the lead from its own server.
 */
@Configuration(proxyBeanMethods = false)
class PublicLeadKeyCheck implements WebMvcConfigurer {

    /** The request attribute that hands the verified caller to {@link PublicLeadController}. */
    static final String CALLER = "com.lead2cash.lead.webToLeadCaller";

    /** The {@code WWW-Authenticate} of a refused key (RFC 9110 wants a scheme on every 401): the key, in its header. */
    static final String CHALLENGE = "ApiKey realm=\"lead2cash\", header=\"X-Api-Key\"";

    private final WebToLead webToLead;
    private final ClientAddressThrottle throttle;

    PublicLeadKeyCheck(WebToLead webToLead, ClientAddressThrottle throttle) {
        this.webToLead = webToLead;
        this.throttle = throttle;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // before the platform's parameter guard (order 10), as the filter chain's 401 is for other routes
        registry.addInterceptor(new Check()).addPathPatterns(PublicLeadController.PATH).order(0);
    }

    private final class Check implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (HttpMethod.OPTIONS.matches(request.getMethod())) {
                return true;
            }
            String address = request.getRemoteAddr();
            throttle.refuseIfThrottled(Credential.API_KEY, address);
            // two keys are neither: 400 naming the header, not the first one tried (nor counted as a wrong key)
            String key = SingleHeader.of(request, "X-Api-Key");
            WebToLead.Caller caller = webToLead.verify(key).orElseThrow(() -> {
                // a missing key is a misconfigured form, not a guess; unknown, revoked and malformed ones count
                if (key != null && !key.isBlank()) {
                    throttle.failed(Credential.API_KEY, address);
                }
                return RequestRefusedException.unauthenticated(CHALLENGE, "lead.apiKey.rejected");
            });
            if (!webToLead.admit(caller)) {
                throw new RequestRefusedException(429, 60, "lead.apiKey.rateLimited");
            }
            request.setAttribute(CALLER, caller);
            return true;
        }
    }
}
