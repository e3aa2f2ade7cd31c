package org.pharmamaturity.producers.simulate;

import java.util.List;

/**
 * The scenario ids the simulator declares: the 40 typical scenarios of the 2025 catalogue (智能制造典型场景指引,
 * 8 links), production operations (生产作业) first, then production management, operations management, the
 * factory-construction, R&D, process-design, product-service and supply-chain scenarios, so a plant that declares
 * few scenarios declares the ones of the shop floor.
 */
final class TypicalScenarios {

    /** The catalogue version the ids belong to. */
    static final String CATALOGUE_VERSION = "scenarios-2025";

    /** The ids, shop floor first. */
    static final List<String> IDS = List.of(
            // 生产作业 production operations (10)
            "flexible-line-changeover", "dynamic-process-optimisation", "advanced-process-control",
            "human-machine-collaboration", "online-intelligent-inspection", "quality-traceability",
            "quality-analysis-improvement", "equipment-monitoring", "equipment-fault-prediction",
            "equipment-maintenance",
            // 生产管理 production management (12)
            "production-plan-optimisation", "workshop-scheduling", "production-progress-tracking",
            "dynamic-production-dispatching", "smart-warehousing", "precise-material-delivery",
            "hazardous-work-automation", "integrated-safety-control", "energy-management",
            "carbon-asset-management", "online-pollution-control", "networked-collaborative-manufacturing",
            // 运营管理 operations management (4)
            "intelligent-business-decisions", "digital-lean-management", "mass-customisation",
            "precision-marketing",
            // 工厂建设 factory construction (3)
            "digital-factory-planning", "digital-infrastructure", "digital-twin-factory",
            // 产品研发 product R&D (2) and 工艺设计 process design (2)
            "digital-product-design", "virtual-product-validation", "digital-process-design",
            "manufacturing-engineering-optimisation",
            // 产品服务 product service (3)
            "remote-operation-maintenance", "value-added-product-services", "proactive-customer-service",
            // 供应链管理 supply chain (4)
            "digital-supplier-management", "collaborative-procurement-planning", "supply-chain-risk-warning",
            "smart-supply-chain-logistics");

    private TypicalScenarios() {
    }
}
