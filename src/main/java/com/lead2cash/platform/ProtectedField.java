package com.lead2cash.platform;

/**
 * A field an administrator can mark masked or hidden per role, beyond SPEC §1's default (the owner and those above
 * the owner read it whole, everyone else masked): the ways to reach a person. Each module that shows one asks
 * {@link FieldRules#sight} how the reader sees it, and its search matches it only where the reader sees it whole.
 */
public enum ProtectedField {
    /** 线索电话 */
    LEAD_PHONE,
    /** 线索邮箱 */
    LEAD_EMAIL,
    /** 联系人电话 */
    CONTACT_PHONE,
    /** 联系人邮箱, also the address a confirmation went to (确认函收件邮箱) */
    CONTACT_EMAIL,
    /** 联系人微信 */
    CONTACT_WECHAT,
    /** 订单收货人电话 */
    CONSIGNEE_PHONE;

    /** The name of the field in the bodies and forms that edit it, which a refusal of its value names. */
    public String inputName() {
        return switch (this) {
            case LEAD_PHONE, CONTACT_PHONE -> "phone";
            case LEAD_EMAIL, CONTACT_EMAIL -> "email";
            case CONTACT_WECHAT -> "wechat";
            case CONSIGNEE_PHONE -> "consigneePhone";
        };
    }

    /** The message key of the field's name. */
    public String labelKey() {
        return "fieldRules.field." + name();
    }
}
