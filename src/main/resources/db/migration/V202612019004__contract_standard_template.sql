-- The standard sales contract (标准销售合同) every installation starts with; legal revises it as new versions
-- on the templates page. The clauses follow the company SOP's list: parties, products, price, payment,
-- delivery, acceptance, confidentiality, liability, disputes.

insert into contract_template (id, code, name, template_version, state, note, created_at, published_at, version)
values ('01938a00-0000-7000-8000-000000000001', 'STD-SALES', '标准销售合同', 1, 'PUBLISHED',
        '初始版本', now(), now(), 0);

insert into contract_template_clause (template, position, section_key, heading, body) values
('01938a00-0000-7000-8000-000000000001', 0, 'PARTIES', '合同主体',
 E'买方（甲方）：{{buyer.name}}\n统一社会信用代码：{{buyer.taxId}}\n住所：{{buyer.address}}\n授权代表：{{buyer.representative}}\n\n卖方（乙方）：{{seller.name}}\n\n甲乙双方根据《中华人民共和国民法典》及有关法律法规，经友好协商，就甲方向乙方采购本合同所列产品及服务事宜订立本合同（合同编号：{{contract.number}}），以资共同遵守。'),
('01938a00-0000-7000-8000-000000000001', 1, 'SCOPE', '产品及服务',
 E'乙方按本合同向甲方提供下列产品及服务（依据乙方报价单 {{quote.number}}）：\n{{contract.lines}}'),
('01938a00-0000-7000-8000-000000000001', 2, 'PRICE', '合同价款',
 E'本合同总价款为人民币 {{contract.amount}} 元（大写：{{contract.amountInWords}}），含增值税。除双方另行书面约定外，合同价款在合同期限内不作调整。'),
('01938a00-0000-7000-8000-000000000001', 3, 'PAYMENT', '付款方式',
 E'甲方按下列节点以银行转账方式向乙方支付合同价款：\n{{contract.milestones}}\n乙方在每笔款项到期前向甲方开具等额合法有效的增值税发票。'),
('01938a00-0000-7000-8000-000000000001', 4, 'DELIVERY', '交付',
 E'乙方应于 {{quote.deliveryPeriod}} 内将产品交付至甲方指定地点。交付前乙方应提前一个工作日书面告知甲方发货信息；如需延期交付，乙方应当日书面通知甲方并与甲方商定新的交付日期。'),
('01938a00-0000-7000-8000-000000000001', 5, 'ACCEPTANCE', '验收标准',
 E'甲方应在产品交付后十个工作日内，按本合同约定的规格型号、数量及技术要求组织验收，验收合格后签署验收单。甲方逾期未提出书面异议的，视为验收合格。'),
('01938a00-0000-7000-8000-000000000001', 6, 'CONFIDENTIALITY', '保密条款',
 E'双方对在订立和履行本合同过程中知悉的对方商业秘密、技术信息及本合同内容负有保密义务，未经对方书面同意不得向任何第三方披露。本条在合同终止后三年内继续有效。'),
('01938a00-0000-7000-8000-000000000001', 7, 'LIABILITY', '违约责任',
 E'任何一方违反本合同约定的，应赔偿守约方因此遭受的直接损失。乙方逾期交付的，每逾期一日按逾期部分价款的千分之一向甲方支付违约金；甲方逾期付款的，每逾期一日按逾期金额的千分之一向乙方支付违约金。违约金累计不超过合同总价款的百分之二十。'),
('01938a00-0000-7000-8000-000000000001', 8, 'DISPUTE', '争议解决',
 E'因本合同引起的或与本合同有关的任何争议，双方应友好协商解决；协商不成的，任何一方均可向乙方住所地有管辖权的人民法院提起诉讼。');
