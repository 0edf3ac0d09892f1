/**
 * Regions (行政区划) — China's administrative divisions (province → prefecture city → county,
 * statistics-bureau codes of six digits), shipped as data. Free text such as "浙江省杭州市" or "北京朝阳区"
 * is resolved to a division; what cannot be resolved is kept as entered and flagged, never dropped.
 * Other modules store a {@link com.lead2cash.region.Region} (code plus the text as entered) and ask
 * {@link com.lead2cash.region.Regions} whether one division covers another.
 *
 * <p>The picker for forms is the Thymeleaf fragment {@code region/picker :: picker(name, selected, multiple)}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regions", allowedDependencies = {"platform", "platform :: web"})
package com.lead2cash.region;
