package com.lead2cash.notification.internal.delivery;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a robot delivery failed, in one place: the worker records the reason as text in the delivery's
 * {@code last_error} (which the log line repeats), starting with one of these prefixes; the robots' pages read it
 * back as a sentence in the reader's language ({@link #said}), never as the raw text. A robot's own error code
 * (DingTalk's and WeCom's {@code errcode}) that people meet when a robot is set up wrong has a sentence of its own.
 */
public final class RobotFailures {

    static final String UNREACHABLE = "robot unreachable";
    static final String HTTP = "robot answered HTTP ";
    static final String NO_JSON = "robot answered no JSON";
    static final String ERRCODE = "robot refused the message: errcode ";
    static final String ADDRESS_NOT_ALLOWED = "webhook address not allowed";
    static final String ROBOT_OFF = "robot removed or disabled";

    /** A failure as a message of the notification bundle: its key and arguments. */
    public record Said(String key, List<Object> args) {
    }

    private static final Pattern HTTP_STATUS = Pattern.compile("^" + Pattern.quote(HTTP) + "(\\d{3})");
    private static final Pattern ERROR_CODE = Pattern.compile("^" + Pattern.quote(ERRCODE) + "(-?\\d+)");

    /**
     * The robots' error codes with a sentence of their own (the channel's documented codes): a webhook key or token
     * that names no robot, a robot's security settings (signature, keywords, IP list) refusing the message, and
     * too many messages in a minute.
     */
    private static final Map<Integer, String> ERROR_CODES = Map.of(
            93000, "notification.robot.failure.errcode.badAddress",
            300001, "notification.robot.failure.errcode.badAddress",
            310000, "notification.robot.failure.errcode.security",
            45009, "notification.robot.failure.errcode.tooFast",
            130101, "notification.robot.failure.errcode.tooFast");

    /** The longest reason a failed send records. */
    private static final int MAX_RECORDED = 1000;

    private RobotFailures() {
    }

    /**
     * What went wrong, for the log and {@code last_error}: the exception's message, or, where it has none (a refused
     * connection's is null), its kind; the cause's too when it says more.
     */
    public static String describe(Throwable e) {
        if (e == null) {
            return "no reason given";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String own = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.getClass().getSimpleName();
        if (root == e) {
            return own;
        }
        String cause = root.getClass().getSimpleName()
                + (root.getMessage() == null || root.getMessage().isBlank() ? "" : " (" + root.getMessage() + ")");
        return e.getMessage() == null || e.getMessage().isBlank() ? cause : own + " [" + cause + "]";
    }

    /**
     * What a failed send records ({@code last_error}, a test's {@code last_test_error}) and logs: {@link #describe}d
     * without the webhook's credentials (a transport error quotes the address, whose token must reach neither the log
     * nor the table), cut at {@value #MAX_RECORDED} characters.
     */
    public static String recorded(Throwable e) {
        String error = RobotWebhooks.redact(describe(e));
        return error.length() > MAX_RECORDED ? error.substring(0, MAX_RECORDED) : error;
    }

    /** A robot delivery's recorded error said as a message: the reason, never the remote's own words. */
    public static Said said(String lastError) {
        String error = lastError == null ? "" : lastError;
        Matcher status = HTTP_STATUS.matcher(error);
        if (status.find()) {
            return new Said("notification.robot.failure.http", List.of(status.group(1)));
        }
        Matcher code = ERROR_CODE.matcher(error);
        if (code.find()) {
            String known = ERROR_CODES.get(parse(code.group(1)));
            return known != null ? new Said(known, List.of(code.group(1)))
                    : new Said("notification.robot.failure.errcode", List.of(code.group(1)));
        }
        if (error.startsWith(ERRCODE)) {
            return new Said("notification.robot.failure.noJson", List.of());
        }
        // "I/O error on POST request …": how the worker recorded an unreachable robot before it said so
        if (error.startsWith(UNREACHABLE) || error.startsWith("I/O error")) {
            return new Said("notification.robot.failure.unreachable", List.of());
        }
        if (error.startsWith(NO_JSON)) {
            return new Said("notification.robot.failure.noJson", List.of());
        }
        if (error.startsWith(ADDRESS_NOT_ALLOWED)) {
            return new Said("notification.robot.failure.addressNotAllowed", List.of());
        }
        if (error.startsWith(ROBOT_OFF)) {
            return new Said("notification.robot.failure.robotOff", List.of());
        }
        return new Said("notification.robot.failure.other", List.of());
    }

    private static Integer parse(String number) {
        try {
            return Integer.valueOf(number);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
