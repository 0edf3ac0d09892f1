package com.lead2cash.customer.internal;

import com.lead2cash.customer.internal.domain.CustomerProfile;
import com.lead2cash.region.Region;
import com.lead2cash.region.Regions;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The customer's region as an administrative division (行政区划): the text as entered (or the division's
 * full name when a code was given) and the code it resolves to; text that names no division is kept as
 * entered, without a code, and shown with a warning — never refused.
 */
@Component
public class CustomerRegions {

    private final Regions regions;

    CustomerRegions(Regions regions) {
        this.regions = regions;
    }

    public CustomerProfile resolve(CustomerProfile p) {
        if (p.region() == null) {
            return new CustomerProfile(p.name(), p.uscc(), p.industry(), p.size(), null, null, p.address(), p.website(),
                    p.source());
        }
        Optional<Region> region = regions.resolve(p.region());
        return new CustomerProfile(p.name(), p.uscc(), p.industry(), p.size(),
                region.map(Region::entered).orElse(p.region()), region.map(Region::code).orElse(null), p.address(),
                p.website(), p.source());
    }

    /** The division's full name, or null when the customer's region names none. */
    public String name(String regionCode) {
        return regionCode == null ? null : regions.byCode(regionCode).map(Region::name).orElse(null);
    }
}
