package com.lead2cash.lead.internal.routing;

import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;

/**
 * Who may hold leads and who may manage a territory, said once: manual assignment, territories and
 * routing all ask here, so a territory never routes a lead to someone a manager could not assign it to.
 */
public final class SalesPeople {

    private SalesPeople() {
    }

    /** An active sales rep or account manager, or a sales manager (who may keep a lead themselves). */
    public static boolean holdsLeads(OrgDirectory.Person person) {
        return person.active() && (person.roles().contains(Role.SALES_REP)
                || person.roles().contains(Role.ACCOUNT_MANAGER) || managerial(person));
    }

    /** An active sales director, regional or sales manager: who works a territory's queue (L9). */
    public static boolean managesSales(OrgDirectory.Person person) {
        return person.active() && managerial(person);
    }

    private static boolean managerial(OrgDirectory.Person person) {
        return person.roles().stream().anyMatch(Role::isManagerial);
    }
}
