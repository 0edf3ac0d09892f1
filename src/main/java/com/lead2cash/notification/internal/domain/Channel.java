package com.lead2cash.notification.internal.domain;

/** An external way a notification leaves the application; the in-app inbox is not one, it always gets the message. */
public enum Channel {
    EMAIL(null), DINGTALK("oapi.dingtalk.com"), WECOM("qyapi.weixin.qq.com");

    private final String robotHost;

    Channel(String robotHost) {
        this.robotHost = robotHost;
    }

    /** The host the channel's own group robots answer on (none for e-mail). */
    public String robotHost() {
        return robotHost;
    }

    boolean isRobot() {
        return this != EMAIL;
    }
}
