"""Status of a problem or task from its outcome text (整改情况 / the narrative after 针对“…”的问题).

An unfinished signal outweighs a finished one: "关于自来水…目前该问题已解决 … 蒸汽…仍在协调中" is open.
"""
from __future__ import annotations

import re

PENDING = re.compile(r"尚未(?:开始|启动|整改|落实|实施|开工|动工|进场)|未启动|未开展|(?:均|仍|还)?未开工|^[^\n,。\d]{0,4}?未(?:能)?完成[^\n,。]{0,16}?(?:情况|任务|事项|项目)$|暂未|等待|待.{1,16}后(?:再|方可|予以)?|未能(?:完成|解决)|"
                     r"暂无法|无法(?:完成|解决|实施|办理|落实|建设)|不具备(?:实施|建设)?条件|"
                     # a re-inspection's verdict: "经“回头看”,问题未整改"
                     r"(?:问题|仍|均|还)未(?:进行)?整改(?!到位|完成|完毕)|"
                     # a finding closed by what is still not done: "…乱堆乱放现象未整治;", "河道垃圾未清理。"
                     r"未(?:整改|整治|清理|拆除|清运|处置)(?=[;。,]|\s*$)")
IN_PROGRESS = re.compile(r"正在|仍在|正(?!常|式|确|当|面|规)[^,。;]{0,30}?(?:整改|推进|办理|实施)|推进中|协调中|办理中|进行中|实施中|整改中|"
                         r"(?:整治|施工|建设|维修|改造)中\d|将(?:按照|继续|进一步|于|在|得到|全力|加快|逐步)|"
                         r"逐步(?:推进|解决)|尚需|有待|目前正值|基本完成|部分完成|部分整改|后期|下一步将|争取.{0,10}(?:完成|解决)|"
                         r"剩余\d+|尚有\d+|持续(?:整改|推进|跟踪)|跟踪中|阶段性(?:完成|成效|进展)|"
                         # behind schedule: 低于目标0.9个百分点, 进度滞后, 未达到序时进度
                         r"低于(?:同期)?(?:目标|序时|进度|预期|全国|全省|计划)|滞后|(?:推进|进展|进度)(?:较|比较|相对)?缓慢|未达到?(?:序时|时序|目标|进度|预期)|落后于|不达预期|"
                         r"(?:有|存在)较大差距|差距较大|(?:预计|恐)[^,。;]{0,12}?(?:不能|难以|无法)(?:按期)?完成|"
                         # rectified in part: "问题整改不彻底", "整改不到位", "未整改到位"
                         r"整改不(?:彻底|到位|完全)|未(?:彻底|全部|完全)?整改(?:到位|完毕|完成)|"
                         # planned, not yet done: 已列入道路整修改造计划, 计划在…实施
                         r"已(?:经)?列入[^,。;]{0,16}计划|计划(?:在|于)|"
                         # begun, or planned by a month or in steps: "已开始订购…,计划4月完成", "已进入考察阶段",
                         # "计划分两步解决", "铺贴工作进行过半"
                         r"已(?:经)?开始|已进入[^,。;]{0,16}阶段|计划(?:\d{1,2}月|[一二三四五六七八九十]{1,2}月|分[两二三四]步|利用)|过半|"
                         # part of the year's plan: 完成年度计划26%, 完成年度目标的53.3%
                         r"完成(?:年度|全年)?(?:计划|目标|任务)的?\d{1,2}(?:\.\d+)?%|"
                         # a share of it done ("完成总栽植量的80%"), or only its preliminaries ("前期手续…已完成")
                         r"完成[^,。;%]{1,10}?的\d{1,2}(?:\.\d+)?%|前期(?:手续|工作)[^,。;]{0,12}?(?:已|基本)(?:完成|办理完毕)")
DONE = re.compile(r"已(?:经)?(?:全部)?(?:完成|整改(?:到位|完毕|完成)?|解决|办结|修复|收回|销号|落实|实现|上线|建立|出台|制定|"
                  r"印发|取消|纠正|撤出|暂停|移送|调整|承办|启动|开展|获批|完工|竣工|建成|投用|通车|实施)|得到(?:解决|整改|纠正)|完成(?:了|对)|"
                  r"正常(?:顺利)?(?:办理|运行)|整改到位|全部办结|予以办结|问题已解决|"
                  # put right at once: "存在更新不及时现象,已及时更新", "已及时转载"
                  r"已(?:经)?及时(?:更新|转载|归档|整改|处理|清理|修复|纠正|删除|撤下|调整|公开|回复|办理)|"
                  # all of it put right, said without 已: "经调度后,全部整改完成" (not asked for: "确保全部整改完成")
                  r"(?<![要须将保争])(?:全部|均)(?:整改完成|完成整改|整改完毕)|"
                  # an inspection's verdict: "督查结果:任务完成较好"
                  r"(?:任务|工作)完成(?:情况)?(?:较好|良好)|"
                  # done on a day, or all of it: "已于2022年7月4日正式投入使用", "完成39项,完成率100%"
                  r"已于[^,。;]{2,16}?(?:完成|建成|投入使用|交付使用|竣工|通车|完工|投用)|完成率(?:达到?|为)?100%|"
                  # an audit report's "已将结余资金纳入预算管理", "存量资金已统筹使用完毕"
                  r"已(?:经)?将[^,。;]{1,30}?(?:纳入|上缴|退回|收回|追回|归还|补缴|拨付|移交|调整|清理)|已[^,。;]{0,12}完毕|"
                  # "标识牌已安装到位", "吸砂船已全部吊装上岸": put in place, all of it
                  r"已[^,。;]{0,10}到位|已全部(?!启动|部署|开始|开展|纳入)[\u4e00-\u9fff]{2,6}|"
                  # done as required: "已按要求完成整改", "已按照审计意见办结"
                  r"已(?:经)?按(?:照)?[^,。;]{1,12}?(?:完成|办结|整改完毕)")


# Counts in one outcome: "共发现错误表述332个,截止3月15日,已完成整改312个" is done in part, so in progress.
FOUND_COUNT = re.compile(r"(?:发现|排查出?|梳理出?|反馈|交办|查出|检查出)[^,。;]{0,16}?(\d+)\s*(?:个|项|条|处|件)")
DONE_COUNT = re.compile(r"已(?:经)?(?:完成)?整改(?:完成|到位)?(\d+)\s*(?:个|项|条|处|件)|"
                        r"(\d+)\s*(?:个|项|条|处|件)[^,。;]{0,6}已(?:经)?(?:完成)?整改")


def _done_in_part(outcome: str) -> bool:
    found, done = FOUND_COUNT.search(outcome), DONE_COUNT.search(outcome)
    return bool(found and done and int(done.group(1) or done.group(2)) < int(found.group(1)))


# A progress field holding the verdict alone: "整改进度:完成整改", "完成情况 | 完成".
VERDICT_ONLY = re.compile(r"\s*(?:已经?)?(?:全面|全部)?(?:完成整改|整改完成|完成|办结|销号|整改到位)\s*[。.]?\s*")


# "在水污染治理问题整改中…", "在项目实施中…": the course of some work framing what happened in it, no state of
# the work ("仍在整改中", "目前在抓紧整改中" are).
COURSE_OF = re.compile(r"在[^,。;在]{0,20}?(?:问题|项目|工程|工作|过程)的?(?:整改|推进|办理|实施|进行|建设)中")


def classify(outcome: str | None) -> str | None:
    if not outcome or not outcome.strip():
        return None
    if VERDICT_ONLY.fullmatch(outcome):
        return "done"
    if PENDING.search(outcome):
        return "pending"
    if IN_PROGRESS.search(COURSE_OF.sub("", outcome)) or _done_in_part(outcome):
        return "in_progress"
    if DONE.search(outcome):
        return "done"
    return None
