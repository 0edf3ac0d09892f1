package com.lead2cash.contract;

/** The contract's risk rating (风险等级) given when drafting; HIGH (or a large amount) adds the K5 risk review. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH
}
