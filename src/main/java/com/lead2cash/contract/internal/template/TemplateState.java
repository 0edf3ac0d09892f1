package com.lead2cash.contract.internal.template;

/** A template version's state: being written (草稿), in use (已发布), or replaced by a newer version (已停用). */
public enum TemplateState {
    DRAFT, PUBLISHED, RETIRED
}
