/**
 * Word lists the synthetic corpus is combined from: the 11 categories of INGEST-SPEC §3 with
 * the organisation kinds that belong to them, place-name syllables, slogan phrases, names.
 * Data only; the combination rules live in `make-unit.ts` and `make-report.ts`.
 */
export interface CategoryWords {
	/** Category label as in INGEST-SPEC §3. */
	label: string;
	/** The X of `创建学习型X` in subtitles. */
	kind: string;
	/** Organisation kinds; `{p}` is the county, `{t}` a town name, `{n}` a number. */
	orgs: readonly string[];
	/** Relative share of the category's reports in a `sections` compilation. */
	weight: number;
}

export const categories: readonly CategoryWords[] = [
	{
		label: '学习型机关',
		kind: '机关',
		weight: 22,
		orgs: [
			'{p}县农经站',
			'中共{p}县委组织部',
			'{p}县人民检察院',
			'{p}县文化委员会',
			'{p}县广播电视中心',
			'{p}县人民法院',
			'{p}县城管大队',
			'{p}县水务局',
			'{p}县统计局',
			'{p}县财政局',
			'{p}县科学技术委员会',
			'{p}县档案局',
			'{p}县审计局',
			'{p}县民政局',
			'{p}县人力资源和社会保障局',
			'{p}县地方税务局',
			'{p}县国土资源分局',
			'{p}县园林绿化局',
			'{p}县农业技术推广站',
			'{p}县博物馆',
			'{p}报社',
		],
	},
	{
		label: '学习型学校',
		kind: '学校',
		weight: 18,
		orgs: [
			'{p}县第{n}小学',
			'{p}县第{n}中学',
			'{p}县第{n}幼儿园',
			'{p}县第{n}职业学校',
			'{p}县青少年活动中心',
			'{t}中心小学',
			'{t}中学',
			'{t}学校',
			'{p}县特殊教育学校',
		],
	},
	{
		label: '学习型医院',
		kind: '医院',
		weight: 6,
		orgs: [
			'{p}县中医医院',
			'{p}县医院',
			'{p}县妇幼保健院',
			'{p}县疾病预防控制中心',
			'{t}卫生院',
			'{p}县精神卫生保健院',
		],
	},
	{
		label: '学习型社团',
		kind: '社团',
		weight: 5,
		orgs: [
			'{p}县旅游协会',
			'{p}县老科技工作者协会',
			'{p}县书法家协会',
			'{p}县个体劳动者协会',
			'{p}县作家协会',
			'{p}县残疾人联合会',
			'{p}县企业家协会',
		],
	},
	{
		label: '学习型社区',
		kind: '社区',
		weight: 10,
		orgs: ['{t}社区', '{t}街道{t2}社区居委会', '{p}县{t}里社区', '{t}小区社区居委会'],
	},
	{
		label: '学习型乡镇（街道）',
		kind: '乡镇',
		weight: 10,
		orgs: ['{t}镇', '{t}乡', '{t}街道办事处', '{t}镇{t2}村'],
	},
	{
		label: '学习型企业',
		kind: '企业',
		weight: 9,
		orgs: [
			'{p}供电公司',
			'{p}县燃气有限公司',
			'{t}建筑工程有限公司',
			'{p}农村商业银行',
			'{p}县自来水公司',
			'{t}食品有限责任公司',
			'{p}县公共交通总公司',
		],
	},
	{
		label: '学习型党组织',
		kind: '党组织',
		weight: 12,
		orgs: [
			'中共{p}县委机关工委',
			'中共{t}镇委员会',
			'{p}县教育系统党委',
			'{t}街道党工委',
			'{p}县卫生局党总支',
			'{t}村党支部',
			'{p}县国资委党组',
		],
	},
	{
		label: '学习型城市（区县）',
		kind: '城区',
		weight: 1,
		orgs: ['{p}县', '{p}区', '{t}市', '{t}区'],
	},
	{ label: '学习型家庭', kind: '家庭', weight: 4, orgs: ['{t}镇{s}{g}家庭', '{t}社区{s}{g}家庭'] },
	{
		label: '学习型组织（通论）',
		kind: '组织',
		weight: 3,
		orgs: [
			'中共{p}县委党校',
			'{p}县社会科学界联合会',
			'{p}县成人教育研究会',
			'{t}镇成人文化技术学校',
			'{p}县{t}学习型组织研究会',
		],
	},
];

/** Syllables of place names: two of them make a county, town or village name. */
export const placeHeads =
	'东西南北青白石金龙凤安平永长兴宁和清新高红黄云松柳桃梅兰柏杨双三合太丰富'.split('');
export const placeTails = '阳山河州江源城泉林丰宁平水川岭湾沟庄营岗台原桥店堡塘坪'.split('');

export const surnames = (
	'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡' +
	'贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤' +
	'尹黎易常武乔贺赖龚文'
).split('');
export const givenChars =
	'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力燕海峰志宏鹏俊晓春雪梅林云飞亮斌国庆东立新'.split(
		'',
	);

/** Four-character slogan phrases for main titles. */
export const sloganPhrases = [
	'强素质',
	'促发展',
	'重创新',
	'求实效',
	'抓学习',
	'树形象',
	'建机制',
	'优服务',
	'更新理念',
	'重塑管理',
	'以人为本',
	'学以致用',
	'创新载体',
	'丰富内涵',
	'夯实基础',
	'提升能力',
	'多措并举',
	'注重实效',
	'凝聚合力',
	'追求卓越',
	'激发活力',
	'涵养书香',
	'打造团队',
	'构建平台',
	'营造氛围',
	'立足实际',
	'开拓进取',
	'服务群众',
	'文化引领',
	'目标激励',
	'氛围熏陶',
	'整体推进',
];
export const sloganTails = [
	'努力打造学习型{k}新形象',
	'全力推进学习型{k}建设',
	'创建学习型{k}',
	'建设学习型{k} 促进可持续发展',
	'推动{k}工作再上新台阶',
	'走内涵式发展之路',
	'开创学习型{k}建设新局面',
];

/** Report types with a weight (out of 100). */
export const reportTypes: ReadonlyArray<readonly [string, number]> = [
	['自评报告', 58],
	['自查报告', 25],
	['经验材料', 9],
	['工作总结', 5],
	['工作汇报', 3],
];

/** Section headings (level 2) a report is built around; `{k}` is the category kind. */
export const sectionHeads = [
	'统一思想认识，明确创建学习型{k}的目标',
	'创建学习型{k}的主要做法',
	'健全组织机构，完善学习制度',
	'创新学习载体，营造浓厚学习氛围',
	'创建学习型{k}的主要成效',
	'创建工作的几点体会',
	'存在的问题和今后的打算',
	'加强领导，落实责任',
	'立足岗位，学用结合',
	'丰富活动，提升能力',
];
export const subHeads = [
	'培育学习理念，形成创建共识',
	'打造特色文化，培养共同愿景',
	'变革学习方式，提升学习力',
	'构建沟通机制，强化系统思考',
	'加强组织领导，确保创建实效',
	'完善考核机制，激发学习动力',
	'开展读书活动，建设书香{k}',
	'搭建网络平台，拓展学习渠道',
	'坚持领导带头，发挥示范作用',
	'深化培训讲座，提升业务素质',
];
export const itemHeads = [
	'集中学习制度化',
	'个人自学经常化',
	'培训形式多样化',
	'交流研讨常态化',
	'考核评价规范化',
	'学习档案信息化',
];
