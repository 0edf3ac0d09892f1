package com.lead2cash.notification.internal.domain;

/** An external way a notification leaves the application; the in-app inbox is not one, it always gets the message. */
public enum Channel {
    EMAIL, DINGTALK, WECOM;

    boolean isRobot() {
        return this != EMAIL;
    }
}
