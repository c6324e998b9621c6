/**
 * The presets in Simplified Chinese: name and description by preset id (the scenario file's base name),
 * and each source by its English text (many presets share a source). The scenario files stay English,
 * because the CLI and its outputs quote them; the page shows these when lang=zh.
 *
 * Markup in these strings (web/rich-text.ts): ⟦…⟧ is a bibliographic citation kept in its original
 * language (authors, title, journal: a reader looks it up as written), `…` is code (a parameter path, a
 * command). A source or preset without a Chinese text is shown in English, marked lang="en", and
 * test/web/i18n.test.ts fails, naming it.
 */

export interface PresetTexts {
  name: string;
  description: string;
}

const OPTIONS_NETLOGO =
  '论文未确定的选项沿用 NetLogo：`floor(C/A)`（论文公式中的原式 C/A 不会产生间断性爆发）、被关押的市民离开其格子、刑期从 0..Jmax−1 中抽取、每个主体先移动后行动、在随机格子上放置固定数量、每步对所有主体统一随机排序；视野为冯·诺依曼邻域，因为论文以东南西北四个位置来定义它。';

export const PRESETS_ZH: Readonly<Record<string, PresetTexts>> = {
  'control-relaxation': {
    name: '先控制，后撤出执法力量',
    description:
      '先按社会控制预设运行一年，此后逐步撤出执法力量：每千名居民的警察人数在 540 天内从 3 线性降到 0.3（一项按计划进行的杠杆变化），而合法性认同、困苦程度以及对纠纷的压制性处理保持不变。Epstein（2002）表明，这样的逐步撤出会在执法存在降到行动者人数足以压倒它时，使被压制的人口骤然转入反抗（MODEL.md 模式 6）。',
  },
  'epstein-2002-run1': {
    name: 'Epstein 2002，运行 1：普遍反抗，基本模型',
    description: `Epstein（2002）的模型 I，40 × 40 环面：70% 为市民，4% 为警察，视野 7，k = 2.3，T = 0.1，合法性 0.89，最长刑期 15（警察密度、合法性和刑期为假设值；见资料来源）。合法性较高，人口大多保持平静；本运行展示个体的伪装（心怀不满的市民在看不到警察处转为行动，警察走近时又恢复平静）以及被警察平息的小规模局部骚动。${OPTIONS_NETLOGO}`,
  },
  'epstein-2002-run2': {
    name: 'Epstein 2002，运行 2：间断平衡',
    description: `Epstein（2002）的模型 I，40 × 40 环面，合法性降至 0.82：70% 为市民，4% 为警察，视野 7，最长刑期 15（警察密度和刑期为假设值；NetLogo 的 Rebellion 模型采用相同的合法性和警察密度，刑期为 30）。长时间的平静被数百名行动者的爆发所打断，爆发随着警察填满监狱、获释市民恢复平静而结束：这就是 Epstein 所说的间断平衡。它需要 \`floor(C/A)\`：若用论文公式中的原式比值，爆发就会消失（有测试检验这一点）。${OPTIONS_NETLOGO}`,
  },
  'epstein-2002-run3': {
    name: 'Epstein 2002，运行 3：合法性逐渐下降',
    description: `Epstein（2002）对合法性逐渐流失与突发危机的对比，逐渐流失的一半：合法性从 0.9 开始，在第 50 至 250 步间线性降到 0.7（70% 为市民，4% 为警察，视野 7，最长刑期 30）。随着合法性流失，警察在最不满的市民逐个转为行动时就将其拘捕，因此直到合法性已经很低都不会形成大的爆发；运行 4 则一次性施加同样的下降。下降幅度及其时间为假设值（NetLogo Rebellion 的说明页提出在 250 个时间步内从 0.9 降到 0，对比在第 80 步突然从 0.9 降到 0.7）；警察密度和刑期沿用 NetLogo。${OPTIONS_NETLOGO}`,
  },
  'epstein-2002-run4': {
    name: 'Epstein 2002，运行 4：突发的合法性危机',
    description: `Epstein（2002）对合法性逐渐流失与突发危机的对比，突发危机的一半：合法性在前 49 步保持 0.9，在第 50 步降到 0.7（70% 为市民，4% 为警察，视野 7，最长刑期 30）。与运行 3 相同的下降一次性发生，使许多市民同时越过阈值，于是每个人看到的行动者都多于警察，所有人的拘捕风险随之消失。随后出现大规模爆发：在种子 1 至 12 上，第 50 至 260 步之间的峰值平均约为 640 名行动者，而同样的下降用 200 步完成时（运行 3）约为 260 名。下降幅度及其时间为假设值（NetLogo Rebellion 的说明页提出在第 80 步突然从 0.9 降到 0.7）；警察密度和刑期沿用 NetLogo。${OPTIONS_NETLOGO}`,
  },
  'epstein-2002-run5': {
    name: 'Epstein 2002，运行 5：减少警察',
    description: `Epstein（2002）的威慑实验：合法性保持在 0.82，警察密度在第 100 至 400 步间从 0.074 线性降到 0.02（70% 为市民，视野 7，最长刑期 30）。警察撤出后很长时间内什么也没有发生；一旦警察密度降到约 0.05，爆发便开始并不断扩大，尽管不满从未改变（Epstein 引用的托克维尔的观察）。起止密度和减少的速度为假设值（0.074 是 Mesa 示例从论文中取的警察密度）；多余的警察随机撤出。${OPTIONS_NETLOGO}`,
  },
  'epstein-mesa': {
    name: '采用 Mesa epstein_civil_violence 选项的 Epstein 模型',
    description:
      'Mesa 的 epstein_civil_violence 示例的选项和默认值：40 × 40 环面，冯·诺依曼邻域，每个格子独立地成为市民（0.7）、警察（0.074）或空格，视野 7，合法性 0.8，最长刑期 1000，按 `randint(0, 1000)` 抽取（含上限），k = 2.3，T = 0.1，Python 的 `round(C/A)`（四舍六入五成双）。`agents.shuffle_do` 以同一随机顺序激活所有主体；每个主体先行动，再移动到视野内一个随机空格；警察拘捕视野内一名随机的行动者，但不进入其格子；被关押的市民保留其格子。Mesa 的 `max_iters` 为 1000。Mesa 让被拘捕的市民保持“被拘捕”状态，直到刑满后下一次被激活；此处它在刑期结束的那一步结束时即恢复平静。',
  },
  'epstein-netlogo': {
    name: '采用 NetLogo Rebellion 选项的 Epstein 模型',
    description:
      'NetLogo 的 Rebellion 模型（Wilensky 2004）的选项和界面默认值：40 × 40 环面，70% 的主体和 4% 的警察放在互不相同的随机格子上（先放警察），视野 7，按 `in-radius`（欧氏圆盘），合法性 0.82，最长刑期 30，按 `random max-jail-term`（0..29）抽取，k = 2.3，T = 0.1，`floor(C/A)`。`ask turtles` 以同一随机顺序激活所有主体；每个主体先移动到视野内一个随机空格（只有被关押主体的格子算作空格），再行动；实施拘捕的警察进入被拘捕者的格子。仍有的差异：NetLogo 的 `in-radius` 包含主体自身的格子，因此行动者在 A 中把自己算了两次（此处一次）；在 `movement?` 关闭时它的警察仍会移动；它的刑期在拘捕的那一步就开始递减（短一步）；获释的主体可能与他人共用格子，而此处它会移到附近的空格。',
  },
  'governance-no-grand-mediation': {
    name: '没有大调解的社会治理',
    description:
      '去掉大调解的社会治理预设：在某一级调解失败的案件不会连同其经过移交上一级；当事人重新选择渠道（失败后信访的权重提高），失去耐心的当事人会升级到信访或其他渠道。它显示信访量低和在村级及以下化解的比例中，有多少要归功于逐级移交。',
  },
  'governance-no-ngos': {
    name: '没有社会组织的社会治理',
    description:
      '没有社会组织的社会治理预设：对社会组织的支持为零，因此没有调解大妈、乡贤、巡逻队、社区矫正或心理疏导志愿者，也没有人加入；纠纷只能交给官方调解网络，执法存在中也没有志愿巡逻队。其他一切，包括所有其他过程的随机数流，都与社会治理预设相同。',
  },
  'governance-no-risk-assessment': {
    name: '没有风险评估的社会治理',
    description:
      '关闭重大决策社会稳定风险评估的社会治理预设：每个拟议项目都按原方案获批。项目本身来自“projects”随机数流，因此在同一随机种子下到来的事项与社会治理预设相同；群体性事件以及由获批项目引发的事件之差，就是风险评估的作用（模式 5 的反事实）。',
  },
  'governance-stability-first-petitions': {
    name: '信访维稳优先的社会治理',
    description:
      '信访部门按维稳优先而非改革后体制运行的社会治理预设：信访被接收并劝返，很少得到解决（一项调查：0.2%），被劝返的信访人会重复访和越级访，为稳控他们要耗费公职人员的时间。其他一切与社会治理预设相同。',
  },
  'social-control': {
    name: '社会控制（1949—1978）',
    description:
      '社会控制，即种子文献中 1949 至 1978 年的体制：国家包揽一切。强力执法并伴随强制，没有独立的社会组织，居委会是唯一的调解力量，很少诉诸法院，信访被压制而非解决；许多不满从未被表达（诉求受到威慑），因此可见的纠纷很少，而潜在积怨很高，只靠执法压住集体行动。乡镇及其居民（人口、经济、不满发生率、初始合法性认同 0.8、渠道偏好、志愿意愿）是各体制预设共同的同一个社会（模式中的社会默认值；design/MODEL.md 第 7 节），因此与其他体制的每一点差异都由某一政策机制造成。',
  },
  'social-governance': {
    name: '社会治理（浙江 2017 年，枫桥规模的乡镇）',
    description:
      '2012 年以后的社会治理，如 2017 年前后的“平安浙江”，在一个约 74,000 名居民、与枫桥规模相当的乡镇：党委领导、政府负责、社会协同、公众参与、法治保障。纠纷由网格员通过智慧治理平台发现，经由带大调解（连同案件经过移交上一级）的四级调解网络在最低层级化解；法院调解优先；重大决策经过社会稳定风险评估；信访按改革后的体制办理，网上信访比例不断上升；社会组织团队（调解大妈、乡贤、巡逻队、社区矫正、心理疏导）按阈值参与机制壮大。它的社会（人口、经济、初始观念）就是各体制预设所治理的同一个社会（design/MODEL.md 第 7 节）；本预设只设定政策。',
  },
  'social-management': {
    name: '社会管理（1978 年至 2011 年前后）',
    description:
      '社会管理，即从改革开放到 2011 年前后的体制：政府占主导，以行政方式处理纠纷；社会在其旁边逐渐成长，但社会组织弱小；法院办案慢，判决时不以调解为先；没有网格一级，也没有大调解；信访（来信来访）按维稳优先办理，是主要的出口。没有重大决策风险评估，也没有智慧治理平台。乡镇及其居民（人口、经济、不满发生率、初始合法性认同 0.8、渠道偏好、志愿意愿）是各体制预设共同的同一个社会（模式中的社会默认值；design/MODEL.md 第 7 节），因此与其他体制的每一点差异都由某一政策机制造成。',
  },
  'zhejiang-province': {
    name: '浙江省（约 6,500 万居民，仅限命令行）',
    description:
      '扩展到全省的社会治理预设：约 6,500 万居民，分布在 90 个县、每县 14 个乡镇（共 1,260 个乡镇），每乡镇 20 个村，每村 9 个网格（每个网格约 287 名居民）。每个乡镇都具有社会治理预设的人均人员配置、调解网络、社会组织支持和信访体制；法院和县信访局服务于本县。它适合在命令行中运行（浏览器绘制的是乡镇预设）；模拟一年需要数十秒和约 2 GB 内存。',
  },
};

const SEED = '⟦Social Governance in China through Zhejiang⟧（《透过浙江看中国的社会治理》，种子文献 000_3bcf6fd1773e6259）';
const EPSTEIN_2002 = '⟦Epstein (2002) Modeling civil violence: an agent-based computational approach, PNAS 99⟧';
const NETLOGO = '⟦Wilensky, U. (2004). NetLogo Rebellion model.⟧ http://ccl.northwestern.edu/netlogo/models/Rebellion';
const MESA = '⟦Mesa examples, epstein_civil_violence⟧（`mesa/examples/advanced/epstein_civil_violence`，`model.py` 和 `agents.py`，2024–2025）';

/** Each source by its English text. */
export const SOURCES_ZH: Readonly<Record<string, string>> = {
  'Epstein (2002) Modeling civil violence, PNAS 99: gradual reduction of cops leads to a sudden outburst rather than a gradual rise':
    '⟦Epstein (2002) Modeling civil violence, PNAS 99⟧：逐步减少警察导致的是突然爆发，而不是逐渐上升',
  "Seed document (000_3bcf6fd1773e6259): 'Social Governance in China through Zhejiang': social control 1949-1978, 'strong government and weak society', the social system 'fully integrated into the Party and government system for the purpose of control'; centralisation and mobilisation":
    `${SEED}：1949—1978 年的社会控制，“强政府、弱社会”，社会体系“为了控制而完全纳入党和政府体系”；集中化与动员`,
  'Assumptions: strong enforcement (3 officers per 1,000; detention terms of 365 days), coercion 0.6, 40% of claims deterred, petitions suppressed (30% of intercepted petitioners detained), no independent organisations, neighbourhood committees as the only mediation, courts rare; the society is the governance preset\'s (MODEL.md section 7)':
    '假设：强力执法（每千人 3 名警察；拘留期 365 天），强制程度 0.6，40% 的诉求受到威慑，信访被压制（被截访的信访人中 30% 被拘留），没有独立的社会组织，居委会是唯一的调解力量，很少诉诸法院；社会与社会治理预设相同（MODEL.md 第 7 节）',
  'Epstein (2002) Modeling civil violence: an agent-based computational approach, PNAS 99: activation rule G - R P > T, T = 0.1, k = 2.3':
    `${EPSTEIN_2002}：激活规则 G − R P > T，T = 0.1，k = 2.3`,
  'Skogan (2006) Asymmetry in the impact of encounters with police, Policing & Society 16: bad contacts weigh 4 to 14 times good ones':
    '⟦Skogan (2006) Asymmetry in the impact of encounters with police, Policing & Society 16⟧：不良接触的分量是良好接触的 4 至 14 倍',
  'Felstiner, Abel & Sarat (1980-81) The emergence and transformation of disputes: naming, blaming, claiming; Miller & Sarat (1980-81): per 1,000 grievances about 700 claims and 450 disputes':
    '⟦Felstiner, Abel & Sarat (1980-81) The emergence and transformation of disputes: naming, blaming, claiming⟧；⟦Miller & Sarat (1980-81)⟧：每 1,000 件不满约产生 700 件诉求和 450 件纠纷',
  'Grimm et al. (2005) Pattern-oriented modeling of agent-based complex systems, Science 310':
    '⟦Grimm et al. (2005) Pattern-oriented modeling of agent-based complex systems, Science 310⟧（面向模式的建模）',
  "Society calibrated by ABC-SMC (Toni et al. 2009): grievances.ratePerResidentYear, claimProbability, rejectionProbability and survey.base are the posterior medians of docs/calibration/social-governance-society/posterior.json (targets: scenarios/calibration/governance-society.json); the society block is the schema's defaults, the same in every regime preset":
    '社会部分以 ABC-SMC 校准（⟦Toni et al. 2009⟧）：`grievances.ratePerResidentYear`、`claimProbability`、`rejectionProbability` 和 `survey.base` 取 `docs/calibration/social-governance-society/posterior.json` 的后验中位数（目标：`scenarios/calibration/governance-society.json`）；社会参数取模式的默认值，在各体制预设中相同',
  'Epstein, J. M. (2002). Modeling civil violence: An agent-based computational approach. PNAS 99 (suppl. 3), 7243-7250. doi:10.1073/pnas.092080199':
    '⟦Epstein, J. M. (2002). Modeling civil violence: An agent-based computational approach. PNAS 99 (suppl. 3), 7243-7250.⟧ doi:10.1073/pnas.092080199',
  "Parameter values of Epstein's Table 2 could not be checked against the paper in this environment; values marked 'assumed' in the description are reconstructed from the implementations that cite the paper (NetLogo Rebellion defaults; a Mesa replication setting legitimacy 0.82, cop density 0.04, max jail term 15 'from Epstein's article') and should be verified against the PNAS appendix":
    'Epstein 表 2 中的参数值在本环境中无法与论文核对；说明中标为“假设”的值是根据引用该论文的实现重建的（NetLogo Rebellion 的默认值；一个 Mesa 复现“根据 Epstein 的文章”设定合法性 0.82、警察密度 0.04、最长刑期 15），应以 PNAS 附录核实',
  "Wilensky, U. (2004). NetLogo Rebellion model. http://ccl.northwestern.edu/netlogo/models/Rebellion (code and Info tab: in-radius vision, floor(C/A), `random max-jail-term`, cops step into the arrestee's patch; interface defaults 70% agents, 4% cops, vision 7, legitimacy 0.82, max-jail-term 30)":
    `${NETLOGO}（代码和说明页：\`in-radius\` 视野、\`floor(C/A)\`、\`random max-jail-term\`，警察进入被拘捕者的格子；界面默认值：70% 主体、4% 警察、视野 7、合法性 0.82、最长刑期 30）`,
  'Mesa examples, epstein_civil_violence (mesa/examples/advanced/epstein_civil_violence, model.py and agents.py, 2024-2025): von Neumann grid, round(C/A), randint(0, max_jail_term), per-cell density draw, act then move, jailed citizens keep their cell; defaults 40x40, citizen density 0.7, cop density 0.074, vision 7, legitimacy 0.8, max jail term 1000':
    `${MESA}：冯·诺依曼网格、\`round(C/A)\`、\`randint(0, max_jail_term)\`、逐格按密度抽取、先行动后移动、被关押的市民保留其格子；默认值 40 × 40、市民密度 0.7、警察密度 0.074、视野 7、合法性 0.8、最长刑期 1000`,
  "Ablation of Seed document (000_3bcf6fd1773e6259): 'Social Governance in China through Zhejiang', second strategy ('grand mediation' integrating community, administrative and judicial mediation)":
    `去掉${SEED}中的第二项策略（整合人民调解、行政调解和司法调解的“大调解”）`,
  "Seed document (000_3bcf6fd1773e6259): 'Social Governance in China through Zhejiang': Fengqiao town of 74,000 residents with 47 NGOs of over 5,000 members (patrols, mediation, community correction) -> participation.initialShare 0.068":
    `${SEED}：枫桥镇 74,000 名居民，有 47 个社会组织、5,000 多名成员（巡逻、调解、社区矫正）→ \`participation.initialShare\` 0.068`,
  "Seed document (000_3bcf6fd1773e6259): 'Social Governance in China through Zhejiang': four-level mediation network (county, town, village, grid), grand mediation, priority to mediation in the courts -> mediation.*, grandMediation.referral, court.priorityToMediation":
    `${SEED}：四级调解网络（县、乡镇、村、网格），大调解，法院调解优先 → \`mediation.*\`、\`grandMediation.referral\`、\`court.priorityToMediation\``,
  "Seed document (000_3bcf6fd1773e6259): 'Social Governance in China through Zhejiang': risk assessment 2010-2016, 31,835 proposals assessed, 1,008 (3.16%) rejected or delayed, none of the approved caused a mass incident -> riskAssessment.proposalsPer100kYear 8 (31,835 / 7 years / about 55 million), threshold 0.4 with riskShape 28: P(u^28 > 0.4) = 1 - 0.4^(1/28) = 3.2% of proposals are above the threshold, and projects below it are too mild to set off a mass incident (govsim validate, pattern 5)":
    `${SEED}：2010—2016 年的风险评估，共评估 31,835 个事项，1,008 个（3.16%）被否决或暂缓，获批事项无一引发群体性事件 → \`riskAssessment.proposalsPer100kYear\` 8（31,835 / 7 年 / 约 5,500 万人），阈值 0.4，\`riskShape\` 28：P(u^28 > 0.4) = 1 − 0.4^(1/28) = 3.2% 的事项高于阈值，低于阈值的项目轻微到不足以引发群体性事件（\`govsim validate\`，模式 5）`,
  "Seed document (000_3bcf6fd1773e6259): 'Social Governance in China through Zhejiang': reformed letters and visits (reasonable appeals treated, unreasonable explained, the poor assisted, illegal acts to law) -> petitions.regime reformed":
    `${SEED}：改革后的信访（诉求合理的解决到位，诉求无理的思想教育到位，生活困难的帮扶救助到位，行为违法的依法处理）→ \`petitions.regime\` reformed`,
  "Seed document (000_3bcf6fd1773e6259): 'Social Governance in China through Zhejiang': satisfaction with safety 2017 96.58% (the 2012 95.93% and 2014 96.2% figures are from design/MODEL.md) -> a calibration target of survey.base":
    `${SEED}：2017 年公众安全感满意度 96.58%（2012 年 95.93% 和 2014 年 96.2% 的数字来自 design/MODEL.md）→ \`survey.base\` 的校准目标`,
  "Seed document (000_3bcf6fd1773e6259): 'Social Governance in China through Zhejiang': 2017 criminal cases -26.34%, telecom fraud -18.85%, work accidents -26.3% year on year -> safety.trendPerYear and the smart platform's roll-out":
    `${SEED}：2017 年刑事案件同比下降 26.34%，电信诈骗下降 18.85%，生产安全事故下降 26.3% → \`safety.trendPerYear\` 以及智慧治理平台的推广`,
  'National figures 2015: 40% of petitions online -> petitions.onlineShare 0.4': '全国 2015 年数据：40% 的信访为网上信访 → `petitions.onlineShare` 0.4',
  'Zhejiang 2017: GDP per capita about USD 13,600, urbanisation 68% -> economy': '浙江 2017 年：人均 GDP 约 13,600 美元，城镇化率 68% → 经济参数',
  'Granovetter (1978) Threshold models of collective behavior, AJS 83': '⟦Granovetter (1978) Threshold models of collective behavior, AJS 83⟧（集体行为的阈值模型）',
  'Tyler (1990) Why People Obey the Law: legitimacy follows procedural fairness': '⟦Tyler (1990) Why People Obey the Law⟧：合法性认同源于程序公正',
  'Assumptions: the town is its own county for court and petition load (per-capita staffing); grid workers 4 per 1,000 residents; officers 1.2 per 1,000 with presencePerOfficer 6 (auxiliaries, security staff and informants); dispute-type mix and type-channel fit are modelling assumptions documented in docs/ODD.md':
    '假设：在法院和信访负荷上，乡镇自成一县（按人均配置人员）；每千名居民 4 名网格员；每千人 1.2 名警察，`presencePerOfficer` 为 6（辅警、保安和信息员）；纠纷类型构成和类型与渠道的适配度是建模假设，记录在 docs/ODD.md 中',
  "Ablation of Seed document (000_3bcf6fd1773e6259): 'Social Governance in China through Zhejiang': 'non-governmental actors provide assistance' (Fengqiao's 47 organisations)":
    `去掉${SEED}中的“社会协同”（枫桥的 47 个社会组织）`,
  "Ablation of Seed document (000_3bcf6fd1773e6259): 'Social Governance in China through Zhejiang', first strategy (risk assessment of major decisions)":
    `去掉${SEED}中的第一项策略（重大决策社会稳定风险评估）`,
  'Stability-first petition handling: one survey found 0.2% of petitions solved (MODEL.md pattern 8)': '维稳优先的信访处理：一项调查发现只有 0.2% 的信访得到解决（MODEL.md 模式 8）',
  "Ablation of Seed document (000_3bcf6fd1773e6259): 'Social Governance in China through Zhejiang', fourth strategy (reform of the letter-and-visit system)":
    `去掉${SEED}中的第四项策略（信访制度改革）`,
  "Assumptions: strong enforcement (3 officers per 1,000; detention terms of 365 days), coercion 0.6, 40% of claims deterred, petitions suppressed (30% of intercepted petitioners detained), no independent organisations, neighbourhood committees as the only mediation, courts rare; procedural fairness of police, petition offices and courts 0.5 x (1 - coercion), 0.4; the society is the governance preset's (MODEL.md section 7): its legitimacy falls under these policies by the encounters it has":
    '假设：强力执法（每千人 3 名警察；拘留期 365 天），强制程度 0.6，40% 的诉求受到威慑，信访被压制（被截访的信访人中 30% 被拘留），没有独立的社会组织，居委会是唯一的调解力量，很少诉诸法院；警察、信访部门和法院的程序公正分别为 0.5 × (1 − 强制程度) 和 0.4；社会与社会治理预设相同（MODEL.md 第 7 节）：在这些政策下，它的合法性认同因其所经历的接触而下降',
  "Calibrated (docs/ODD.md section 9.1; govsim validate, 30 seeds): staffing hours per level so that the preset runs its levels at the utilisation documented there; survey.base so that satisfaction with safety is near 96.58%; grievances.claimProbability so that claims are about 700 per 1,000 grievances; severityPenalty and village skill for people's mediation success of 95-98% (national figures 2009-2017)":
    '已校准（docs/ODD.md 第 9.1 节；`govsim validate`，30 个种子）：各层级的人员工时，使本预设各层级的利用率达到该处记录的水平；`survey.base`，使安全感满意度接近 96.58%；`grievances.claimProbability`，使每 1,000 件不满约产生 700 件诉求；`severityPenalty` 和村级调解能力，使人民调解成功率达到 95–98%（全国 2009—2017 年数据）',
  "Seed document (000_3bcf6fd1773e6259): 'Social Governance in China through Zhejiang': social management 1978 to about 2011: government dominant, the social sector emerging beside it but participating 'in a way that lacked both breadth and depth'; administrative handling; law-based governance as a basic strategy":
    `${SEED}：1978 年至 2011 年前后的社会管理：政府占主导，社会领域在其旁边兴起，但其参与“既缺乏广度也缺乏深度”；以行政方式处理；依法治国作为基本方略`,
  'Letters and visits as the main outlet, handled stability-first (returned, rarely solved: one survey 0.2%), with repeat and over-level visits':
    '来信来访是主要出口，按维稳优先处理（劝返，很少解决：一项调查为 0.2%），伴有重复访和越级访',
  "Assumptions: detention terms of 365 days (re-education through labour existed until 2013); no grid level, no grand mediation, courts adjudicate without priority to mediation, weak NGOs (patrols only, support 0.2), no risk assessment, no smart platform; the society is the governance preset's (MODEL.md section 7)":
    '假设：拘留期 365 天（劳动教养制度存在至 2013 年）；没有网格一级，没有大调解，法院判决时不以调解为先，社会组织弱小（只有巡逻队，支持度 0.2），没有风险评估，没有智慧治理平台；社会与社会治理预设相同（MODEL.md 第 7 节）',
  'Zhejiang 2017: about 57 million registered residents, 65 million including migrants; 90 county-level divisions; about 1,300 towns and sub-districts; about 25,000 villages and communities':
    '浙江 2017 年：户籍人口约 5,700 万，含流动人口约 6,500 万；90 个县级行政区；约 1,300 个乡镇和街道；约 25,000 个村和社区',
};
