package com.lead2cash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The package tree is the architecture: modules only use each other's public API, without cycles. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(Lead2CashApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyBusinessCapabilityIsAModule() {
        assertThat(modules.stream().map(m -> m.getBasePackage().getName()))
                .contains("com.lead2cash.platform", "com.lead2cash.sop", "com.lead2cash.lead",
                        "com.lead2cash.customer", "com.lead2cash.notification", "com.lead2cash.approval",
                        "com.lead2cash.region");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(new java.io.File("docs/modules/components.puml")).exists();
    }
}
