package com.lead2cash.contract.internal.domain;

import com.lead2cash.platform.Role;
import java.util.Arrays;
import java.util.Optional;

/** A department that reviews contracts (K1): 法务 LEGAL, 财务 FINANCE, 运营 OPERATIONS, each by the holders of its role. */
public enum Department {
    LEGAL(Role.LEGAL), FINANCE(Role.FINANCE), OPERATIONS(Role.OPERATIONS);

    private final Role role;

    Department(Role role) {
        this.role = role;
    }

    public Role role() {
        return role;
    }

    public static Optional<Department> ofRole(Role role) {
        return Arrays.stream(values()).filter(d -> d.role == role).findFirst();
    }
}
