package com.lead2cash.catalog.internal;

import com.lead2cash.platform.DemoMode;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo company's catalogue, seeded once: a few products in the demo leads' product lines, every name marked
 * （演示）, so a quote can be written without an administrator setting up a catalogue first.
 */
@Component
@Order(10)
class CatalogDemoData implements ApplicationRunner {

    static final List<ProductDetails> PRODUCTS = List.of(
            product("DEMO-CRM-STD", "销售管理系统 标准版（演示）", "含 50 个用户许可", "套", "CRM", "120000.00", "13"),
            product("DEMO-CRM-IMPL", "CRM 实施服务（演示）", "需求调研、配置、数据迁移与培训", "人天", "CRM", "3000.00", "6"),
            product("DEMO-CRM-MAINT", "CRM 年度维护（演示）", "版本升级与工作日远程支持", "年", "CRM", "18000.00", "6"),
            product("DEMO-SAAS-SEAT", "SaaS 订阅（演示）", "按用户按年订阅", "用户·年", "SaaS", "1200.00", "6"),
            product("DEMO-ERP-STD", "ERP 标准版（演示）", "财务、进销存、生产模块", "套", "ERP", "200000.00", "13"),
            product("DEMO-WMS-STD", "仓储管理系统（演示）", "含 3 个仓库", "套", "WMS", "150000.00", "13"));

    private final ProductService products;
    private final ProductRepository repository;
    private final TransactionTemplate tx;
    private final boolean demo;

    CatalogDemoData(ProductService products, ProductRepository repository, TransactionTemplate tx, DemoMode demoMode) {
        this.products = products;
        this.repository = repository;
        this.tx = tx;
        this.demo = demoMode.enabled();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo) {
            return;
        }
        tx.executeWithoutResult(status -> {
            // once: products are never deleted, so the first demo product's code says it was seeded
            if (repository.findByCode(PRODUCTS.get(0).code()).isPresent()) {
                return;
            }
            PRODUCTS.forEach(products::register);
        });
    }

    private static ProductDetails product(String code, String name, String specification, String unit,
                                          String productLine, String listPrice, String taxRate) {
        return ProductDetails.validated(code, name, specification, unit, productLine, new BigDecimal(listPrice),
                new BigDecimal(taxRate));
    }
}
