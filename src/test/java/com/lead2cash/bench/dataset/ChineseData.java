package com.lead2cash.bench.dataset;

import com.lead2cash.customer.UnifiedSocialCreditCode;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic Chinese business data for the benchmark, derived from an index so that the same index
 * always gives the same company, person or number, and different indexes never give the same company
 * name, phone number or credit code (企业名称、联系人、电话、统一社会信用代码).
 *
 * <p>Company names are 城市 + 字号 (brand of two characters) + 行业用语 + 组织形式; the triple (city, brand,
 * industry word) is unique per index, so names stay distinct after the legal form is normalised away.
 * Cities carry their GB/T 2260 division codes, which also head the credit codes.
 */
public final class ChineseData {

    /** A prefecture-level city with its province and GB/T 2260 code. */
    public record City(String name, String province, String code, String areaCode, String pinyin) {
    }

    /** A word of a company name and the industry (行业) a company with that word belongs to. */
    public record IndustryWord(String word, String industry) {
    }

    public static final List<City> CITIES = List.of(
            new City("北京", "北京", "110100", "010", "bj"), new City("天津", "天津", "120100", "022", "tj"),
            new City("上海", "上海", "310100", "021", "sh"), new City("重庆", "重庆", "500100", "023", "cq"),
            new City("石家庄", "河北", "130100", "0311", "sjz"), new City("唐山", "河北", "130200", "0315", "ts"),
            new City("邯郸", "河北", "130400", "0310", "hd"), new City("保定", "河北", "130600", "0312", "bd"),
            new City("太原", "山西", "140100", "0351", "ty"), new City("大同", "山西", "140200", "0352", "dt"),
            new City("呼和浩特", "内蒙古", "150100", "0471", "hhht"), new City("包头", "内蒙古", "150200", "0472", "bt"),
            new City("沈阳", "辽宁", "210100", "024", "sy"), new City("大连", "辽宁", "210200", "0411", "dl"),
            new City("鞍山", "辽宁", "210300", "0412", "as"), new City("长春", "吉林", "220100", "0431", "cc"),
            new City("吉林", "吉林", "220200", "0432", "jl"), new City("哈尔滨", "黑龙江", "230100", "0451", "hrb"),
            new City("大庆", "黑龙江", "230600", "0459", "dq"), new City("南京", "江苏", "320100", "025", "nj"),
            new City("无锡", "江苏", "320200", "0510", "wx"), new City("徐州", "江苏", "320300", "0516", "xz"),
            new City("常州", "江苏", "320400", "0519", "cz"), new City("苏州", "江苏", "320500", "0512", "sz"),
            new City("南通", "江苏", "320600", "0513", "nt"), new City("扬州", "江苏", "321000", "0514", "yz"),
            new City("杭州", "浙江", "330100", "0571", "hz"), new City("宁波", "浙江", "330200", "0574", "nb"),
            new City("温州", "浙江", "330300", "0577", "wz"), new City("嘉兴", "浙江", "330400", "0573", "jx"),
            new City("湖州", "浙江", "330500", "0572", "huz"), new City("绍兴", "浙江", "330600", "0575", "sx"),
            new City("金华", "浙江", "330700", "0579", "jh"), new City("台州", "浙江", "331000", "0576", "tz"),
            new City("合肥", "安徽", "340100", "0551", "hf"), new City("芜湖", "安徽", "340200", "0553", "wh"),
            new City("福州", "福建", "350100", "0591", "fz"), new City("厦门", "福建", "350200", "0592", "xm"),
            new City("泉州", "福建", "350500", "0595", "qz"), new City("南昌", "江西", "360100", "0791", "nc"),
            new City("赣州", "江西", "360700", "0797", "gz"), new City("济南", "山东", "370100", "0531", "jn"),
            new City("青岛", "山东", "370200", "0532", "qd"), new City("淄博", "山东", "370300", "0533", "zb"),
            new City("烟台", "山东", "370600", "0535", "yt"), new City("潍坊", "山东", "370700", "0536", "wf"),
            new City("临沂", "山东", "371300", "0539", "ly"), new City("郑州", "河南", "410100", "0371", "zz"),
            new City("开封", "河南", "410200", "0371", "kf"), new City("洛阳", "河南", "410300", "0379", "luoy"),
            new City("武汉", "湖北", "420100", "027", "wuh"), new City("宜昌", "湖北", "420500", "0717", "yc"),
            new City("襄阳", "湖北", "420600", "0710", "xy"), new City("长沙", "湖南", "430100", "0731", "cs"),
            new City("株洲", "湖南", "430200", "0731", "zhz"), new City("湘潭", "湖南", "430300", "0731", "xt"),
            new City("广州", "广东", "440100", "020", "gzh"), new City("深圳", "广东", "440300", "0755", "szh"),
            new City("珠海", "广东", "440400", "0756", "zh"), new City("汕头", "广东", "440500", "0754", "st"),
            new City("佛山", "广东", "440600", "0757", "fs"), new City("惠州", "广东", "441300", "0752", "huiz"),
            new City("东莞", "广东", "441900", "0769", "dg"), new City("中山", "广东", "442000", "0760", "zs"),
            new City("南宁", "广西", "450100", "0771", "nn"), new City("柳州", "广西", "450200", "0772", "lz"),
            new City("桂林", "广西", "450300", "0773", "gl"), new City("海口", "海南", "460100", "0898", "hk"),
            new City("三亚", "海南", "460200", "0898", "san"), new City("成都", "四川", "510100", "028", "cd"),
            new City("绵阳", "四川", "510700", "0816", "my"), new City("贵阳", "贵州", "520100", "0851", "gy"),
            new City("昆明", "云南", "530100", "0871", "km"), new City("拉萨", "西藏", "540100", "0891", "ls"),
            new City("西安", "陕西", "610100", "029", "xa"), new City("宝鸡", "陕西", "610300", "0917", "bj2"),
            new City("兰州", "甘肃", "620100", "0931", "lzh"), new City("西宁", "青海", "630100", "0971", "xn"),
            new City("银川", "宁夏", "640100", "0951", "ych"), new City("乌鲁木齐", "新疆", "650100", "0991", "wlmq"));

    /** The industries (行业) leads and customers are filed under; the first five are the policy's default targets. */
    public static final List<String> INDUSTRIES = List.of("制造业", "软件和信息技术服务业", "批发和零售业", "金融业",
            "医疗健康", "建筑业", "交通运输业", "餐饮业", "教育", "房地产业", "能源", "农业", "文化传媒", "物流仓储",
            "电力燃气", "住宿业", "租赁和商务服务业", "科学研究", "居民服务", "环保");

    public static final List<IndustryWord> INDUSTRY_WORDS = List.of(
            new IndustryWord("机械", "制造业"), new IndustryWord("电子", "制造业"), new IndustryWord("精密制造", "制造业"),
            new IndustryWord("化工", "制造业"), new IndustryWord("纺织", "制造业"), new IndustryWord("汽车零部件", "制造业"),
            new IndustryWord("科技", "软件和信息技术服务业"), new IndustryWord("软件", "软件和信息技术服务业"),
            new IndustryWord("信息技术", "软件和信息技术服务业"), new IndustryWord("网络科技", "软件和信息技术服务业"),
            new IndustryWord("商贸", "批发和零售业"), new IndustryWord("贸易", "批发和零售业"), new IndustryWord("百货", "批发和零售业"),
            new IndustryWord("投资", "金融业"), new IndustryWord("融资租赁", "金融业"), new IndustryWord("医药", "医疗健康"),
            new IndustryWord("医疗器械", "医疗健康"), new IndustryWord("建设工程", "建筑业"), new IndustryWord("建材", "建筑业"),
            new IndustryWord("运输", "交通运输业"), new IndustryWord("餐饮管理", "餐饮业"), new IndustryWord("教育科技", "教育"),
            new IndustryWord("置业", "房地产业"), new IndustryWord("新能源", "能源"), new IndustryWord("农业开发", "农业"),
            new IndustryWord("文化传媒", "文化传媒"), new IndustryWord("物流", "物流仓储"), new IndustryWord("供应链", "物流仓储"),
            new IndustryWord("燃气", "电力燃气"), new IndustryWord("酒店管理", "住宿业"), new IndustryWord("企业管理咨询", "租赁和商务服务业"),
            new IndustryWord("检测技术", "科学研究"), new IndustryWord("家政服务", "居民服务"), new IndustryWord("环保科技", "环保"));

    /** Characters of 字号; a brand is an ordered pair of two different ones. */
    public static final String BRAND_CHARS = "华为美达恒瑞鑫泰德中信通宏源盛安联创新博天正星光明海嘉润和兴凯昌龙金银丰佳汇盈晟诚远航峰振宇腾飞祥福康乐宝富永景鸿骏晨阳云锦卓越";

    private static final String[] BRAND_PINYIN = ("hua wei mei da heng rui xin tai de zhong xin tong hong yuan sheng an "
            + "lian chuang xin bo tian zheng xing guang ming hai jia run he xing kai chang long jin yin feng jia hui ying "
            + "sheng cheng yuan hang feng zhen yu teng fei xiang fu kang le bao fu yong jing hong jun chen yang yun jin "
            + "zhuo yue").split(" ");

    private static final String[] LEGAL_FORMS = {"有限公司", "有限公司", "有限公司", "有限公司", "有限公司", "有限公司",
        "股份有限公司", "股份有限公司", "有限责任公司", "集团有限公司"};

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金";
    private static final String[] SURNAME_PINYIN = ("wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he "
            + "gao lin luo zheng liang xie song tang xu han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai "
            + "yu du ye cheng su wei lv ding ren shen yao lu jiang cui zhong tan lu wang fan jin").split(" ");
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞鹏辉建文斌宇浩凯健俊帆帅旭宁龙林欢佳嘉琳雪婷倩颖晨思雨欣怡子博晓东海峰波志红梅鑫亮成国春立新瑞";
    private static final String[] GIVEN_PINYIN = ("wei fang na min jing li qiang lei jun yang yong yan jie juan tao ming "
            + "chao xiu xia ping gang gui ying hua yu lan fei peng hui jian wen bin yu hao kai jian jun fan shuai xu ning "
            + "long lin huan jia jia lin xue ting qian ying chen si yu xin yi zi bo xiao dong hai feng bo zhi hong mei xin "
            + "liang cheng guo chun li xin rui").split(" ");

    public static final List<String> TITLES = List.of("采购经理", "采购总监", "总经理", "技术总监", "IT经理", "财务总监",
            "行政主管", "运营总监", "副总经理", "项目经理", "信息中心主任", "销售总监");

    public static final List<String> PRODUCT_LINES = List.of("CRM", "ERP", "云服务", "数据分析", "智能制造", "财务软件",
            "人力资源", "供应链管理");

    private static final int[] MOBILE_PREFIXES = {130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152, 153,
        155, 156, 157, 158, 159, 166, 173, 175, 176, 177, 178, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 191,
        198, 199};

    private static final long NAME_SPACE = (long) CITIES.size() * brandCount() * INDUSTRY_WORDS.size();
    private static final long MOBILE_SPACE = MOBILE_PREFIXES.length * 100_000_000L;
    private static final String USCC_BODY_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private ChineseData() {
    }

    private static int brandCount() {
        return BRAND_CHARS.length() * (BRAND_CHARS.length() - 1);
    }

    /** A company, all of whose parts are derived from one index. */
    public record Company(String name, City city, String brand, String brandPinyin, IndustryWord industryWord,
                          long index) {

        public String industry() {
            return industryWord.industry();
        }

        /** A valid credit code (企业, registered with 工商) in the company's city; distinct per index. */
        public String uscc() {
            String body = base(index * 7919 + 104_729, USCC_BODY_CHARS, 8);
            String first17 = "91" + city.code() + body + UnifiedSocialCreditCode.organisationCodeCheckDigitFor(body);
            return first17 + UnifiedSocialCreditCode.checkDigitFor(first17);
        }

        /** The company's web domain, distinct per index. */
        public String domain() {
            return brandPinyin + Long.toString(index, 36) + ".com.cn";
        }
    }

    /** The company of index {@code index}; distinct indexes below {@link #companyCapacity()} give distinct names. */
    public static Company company(long index) {
        long p = permute(index, NAME_SPACE, 2_654_435_761L, 97);
        City city = CITIES.get((int) (p % CITIES.size()));
        p /= CITIES.size();
        int brand = (int) (p % brandCount());
        p /= brandCount();
        IndustryWord word = INDUSTRY_WORDS.get((int) p);
        int first = brand / (BRAND_CHARS.length() - 1);
        int second = brand % (BRAND_CHARS.length() - 1);
        if (second >= first) {
            second++;
        }
        String brandName = "" + BRAND_CHARS.charAt(first) + BRAND_CHARS.charAt(second);
        String legal = LEGAL_FORMS[(int) Math.floorMod(index * 31 + 7, LEGAL_FORMS.length)];
        return new Company(city.name() + brandName + word.word() + legal, city, brandName,
                BRAND_PINYIN[first] + BRAND_PINYIN[second], word, index);
    }

    public static long companyCapacity() {
        return NAME_SPACE;
    }

    /** A person's name and a matching e-mail local part. */
    public record Person(String name, String emailLocal) {
    }

    public static Person person(SplittableRandom random) {
        int s = surname(random);
        int g1 = random.nextInt(GIVEN.length());
        boolean two = random.nextInt(10) < 7;
        int g2 = random.nextInt(GIVEN.length());
        String name = SURNAMES.charAt(s) + "" + GIVEN.charAt(g1) + (two ? String.valueOf(GIVEN.charAt(g2)) : "");
        String local = GIVEN_PINYIN[g1] + (two ? GIVEN_PINYIN[g2] : "") + "." + SURNAME_PINYIN[s];
        return new Person(name, local);
    }

    /** Surnames are skewed as they are in China: the first few are far more common. */
    private static int surname(SplittableRandom random) {
        double u = random.nextDouble();
        return (int) Math.min(SURNAMES.length() - 1, Math.floor(SURNAMES.length() * u * u));
    }

    /** A mobile number, distinct per index, in one of the ways people write it. */
    public static String mobile(long index, int style) {
        long p = permute(index, MOBILE_SPACE, 6_364_136_223_846_793_005L % MOBILE_SPACE, 1_442_695_040_888_963_407L);
        String digits = MOBILE_PREFIXES[(int) (p / 100_000_000L)] + String.format("%08d", p % 100_000_000L);
        return switch (Math.floorMod(style, 4)) {
            case 0 -> digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7);
            case 1 -> "+86 " + digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7);
            default -> digits;
        };
    }

    /** A landline of the city, distinct per index within the city. */
    public static String landline(City city, long index) {
        // three-digit area codes have eight-digit subscriber numbers, four-digit ones seven; none start with 0 or 1
        long unit = city.areaCode().length() == 3 ? 10_000_000L : 1_000_000L;
        return city.areaCode() + "-" + (2 * unit + Math.floorMod(index * 7_777_777L + 13, 7 * unit));
    }

    /** The GB/T 2260 code of a province (or municipality) of {@link #CITIES}, e.g. 浙江 → 330000. */
    public static String provinceCode(String province) {
        return CITIES.stream().filter(c -> c.province().equals(province)).findFirst()
                .map(c -> c.code().substring(0, 2) + "0000")
                .orElseThrow(() -> new IllegalArgumentException("no city of " + province));
    }

    /** The province of {@link #CITIES} a division code lies in, e.g. 330106 → 浙江; null for another. */
    public static String provinceOf(String code) {
        return CITIES.stream().filter(c -> c.code().startsWith(code.substring(0, 2))).findFirst()
                .map(City::province).orElse(null);
    }

    /** A bijection of [0, n) (n below 2^62): an affine map with a multiplier coprime to n. */
    static long permute(long index, long n, long multiplier, long offset) {
        long a = Math.floorMod(multiplier, n);
        while (gcd(a, n) != 1) {
            a++;
        }
        return Math.floorMod(Math.addExact(mulMod(a, Math.floorMod(index, n), n), Math.floorMod(offset, n)), n);
    }

    private static long mulMod(long a, long b, long n) {
        return java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b))
                .mod(java.math.BigInteger.valueOf(n)).longValue();
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static String base(long value, String alphabet, int width) {
        StringBuilder sb = new StringBuilder();
        long v = Math.abs(value);
        for (int i = 0; i < width; i++) {
            sb.append(alphabet.charAt((int) (v % alphabet.length())));
            v /= alphabet.length();
        }
        return sb.reverse().toString();
    }
}
