/** Web conventions the modules' screens share: flash messages and inline form errors. */
@org.springframework.modulith.NamedInterface("web")
package com.lead2cash.platform.web;
