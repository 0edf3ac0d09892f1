package com.lead2cash.notification.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;

/**
 * The group robots' server in the test JVM (WireMock), which the robots' webhooks point at: register it as a class's
 * static {@code @RegisterExtension}, one server a class on a free port. Before each test it forgets what it was asked
 * and takes every DingTalk ({@code /robot/send}) and WeCom ({@code /cgi-bin/webhook/send}) post; a test stubs over that
 * what a robot refuses. The class allows the host and plain http with
 * {@code l2c.notification.robot-hosts=localhost} and {@code l2c.notification.robot-plain-http=true}.
 */
final class TestRobotServer extends WireMockExtension {

    TestRobotServer() {
        super(WireMockExtension.newInstance().options(options().dynamicPort()));
    }

    @Override
    protected void onBeforeEach(WireMockRuntimeInfo server) {
        stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    }

    /** A DingTalk robot's webhook here, with its access token. */
    String dingTalkWebhook(String token) {
        return baseUrl() + "/robot/send?access_token=" + token;
    }
}
