"""A deterministic synthetic corpus in the sample corpus' genres, for benchmarks.

Documents are recombined, not copied: each draws its jurisdiction, units, owner forms, deadline phrasings,
numbering and problem wording from pools, with a seeded random generator, so the same seed and count give
the same bytes. Genres: 任务分解 (tasks with owner parentheticals), 整改意见 (problems with numbered
measures and 牵头部门 lines), 实施方案 (blocks whose owner lines close a list of measures), 整改情况通报
(problems with 整改情况 outcomes and a claimed count) and 提案答复 (a reply without owners).

    python -m bench.generate OUT_DIR COUNT [--seed N]
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

PROVINCES = ["辽宁省", "陕西省", "河北省", "山东省", "湖南省", "四川省", "江西省", "甘肃省"]
CITY_ROOTS = ["盘锦", "营口", "鞍山", "海城", "锦州", "丹东", "铁岭", "朝阳", "杨凌", "咸阳", "宝鸡", "汉中", "保定",
              "邯郸", "临沂", "潍坊", "岳阳", "常德", "绵阳", "宜宾", "赣州", "九江", "天水", "武威"]
COUNTY_SUFFIXES = ["区", "县"]
COUNTY_ROOTS = ["兴隆台", "双台子", "大洼", "盘山", "老边", "鲅鱼圈", "西市", "站前", "铁东", "立山", "千山", "岫岩",
                "凌海", "北镇", "宽甸", "凤城", "开原", "昌图", "建平", "喀左", "秦都", "渭城", "兴平", "武功"]
BUREAUS = ["发展和改革委员会", "财政局", "住房和城乡建设局", "自然资源局", "市场监督管理局", "行政审批服务局", "司法局",
           "公安局", "人力资源和社会保障局", "生态环境局", "交通运输局", "农业农村局", "商务局", "卫生健康委员会",
           "教育局", "应急管理局", "税务局", "营商环境建设局", "大数据管理局", "机构编制委员会办公室", "水利局",
           "文化旅游和广电局", "工业和信息化局", "审计局", "统计局", "医疗保障局", "林业和草原局"]
SHORT = {"发展和改革委员会": "发改委", "住房和城乡建设局": "住建局", "市场监督管理局": "市场监管局",
         "人力资源和社会保障局": "人社局", "机构编制委员会办公室": "编委办", "卫生健康委员会": "卫健委"}
COLLECTIVES = ["各县区政府", "各有关部门", "相关部门", "各开发园区", "各乡镇（街道）", "市直各部门"]
AREAS = ["政务服务", "审批制度", "市场监管", "执法检查", "涉企收费", "要素保障", "信用体系", "招标投标", "工程建设",
         "企业开办", "不动产登记", "惠企政策", "中介服务", "数据共享", "项目审批"]
FAULTS = ["办理时限过长，群众反映强烈", "存在多头管理、重复检查现象", "政策宣传不到位，企业知晓率不高",
          "信息壁垒问题依然存在", "部分事项承接不到位", "监管与审批衔接不紧密", "考核指标排名靠后",
          "工作人员服务意识不强", "收费项目清理不彻底", "制度执行不严格", "线上线下融合不够", "督促整改力度不足"]
ACTIONS = ["全面梳理", "压缩办理时限", "建立健全长效机制", "开展专项整治", "加强督查检查", "推行告知承诺制",
           "完善信息共享平台", "优化办事流程", "强化考核问责", "组织业务培训", "清理规范收费", "公开办事指南"]
CN = "一二三四五六七八九十"


def cn_number(n: int) -> str:
    if n <= 10:
        return CN[n - 1]
    if n < 20:
        return "十" + (CN[n - 11] if n > 10 else "")
    tens, ones = divmod(n, 10)
    return CN[tens - 1] + "十" + (CN[ones - 1] if ones else "")


class Writer:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.city = rng.choice(CITY_ROOTS) + "市"
        self.province = rng.choice(PROVINCES)
        self.year = rng.randint(2016, 2025)
        self.counties = rng.sample(COUNTY_ROOTS, 4)

    def unit(self) -> str:
        bureau = self.rng.choice(BUREAUS)
        name = SHORT.get(bureau, bureau) if self.rng.random() < 0.5 else bureau
        if self.rng.random() < 0.15:
            return self.rng.choice(self.counties) + self.rng.choice(COUNTY_SUFFIXES) + "政府"
        return "市" + name

    def units(self, low: int, high: int) -> list[str]:
        found = []
        while len(found) < self.rng.randint(low, high):
            candidate = self.unit()
            if candidate not in found:
                found.append(candidate)
        return found

    def deadline(self) -> str:
        r = self.rng.random()
        if r < 0.45:
            return f"{self.year}年{self.rng.randint(1, 12)}月{self.rng.choice(['底前', '末前', '底'])}"
        if r < 0.6:
            return f"{self.year}年{self.rng.choice(['年底前', '上半年', '第三季度'])}"
        if r < 0.8:
            return self.rng.choice(["长期坚持", "长期推进", "持续推进"])
        if r < 0.9:
            return self.rng.choice(["适时推进", "按省统一部署适时推进"])
        return f"{self.rng.randint(1, 12)}月底前完成"

    def owners(self) -> str:
        form = self.rng.random()
        if form < 0.3:
            return f"牵头单位：{self.unit()}；责任单位：{'、'.join(self.units(1, 4))}"
        if form < 0.45:
            return f"责任单位：{'、'.join(self.units(2, 4))}"  # several responsible, no lead
        if form < 0.55:
            return f"{'、'.join(self.units(2, 3))}分别牵头"
        if form < 0.65:
            return f"牵头单位：{self.rng.choice(COLLECTIVES)}"
        if form < 0.75:
            return f"{self.unit()}牵头，{'、'.join(self.units(1, 3))}配合"
        return f"牵头部门：{'、'.join(self.units(1, 2))}"

    def problem(self) -> str:
        return f"{self.rng.choice(AREAS)}方面，{self.rng.choice(FAULTS)}"

    def measure(self) -> str:
        return (f"{self.rng.choice(ACTIONS)}，{self.rng.choice(ACTIONS)}。围绕{self.rng.choice(AREAS)}，"
                f"{self.rng.choice(ACTIONS)}，确保{self.rng.choice(AREAS)}工作取得实效")

    def header(self, title: str) -> list[str]:
        number = f"{self.city[0]}政办发〔{self.year}〕{self.rng.randint(1, 120)}号"
        return [f"{self.city}人民政府办公室", number, "", title, "", f"各县区人民政府，市政府各部门：", ""]

    def footer(self) -> list[str]:
        return ["", f"{self.city}人民政府办公室", f"{self.year}年{self.rng.randint(1, 12)}月{self.rng.randint(1, 28)}日"]


def task_list(w: Writer) -> str:
    lines = w.header(f"关于印发{w.city}优化营商环境问题整改任务分解的通知")
    if w.rng.random() < 0.3:
        lines.append("责任单位列第一位的为牵头单位。")
    for s in range(1, w.rng.randint(3, 7)):
        lines += ["", f"{cn_number(s)}、{w.rng.choice(AREAS)}方面", ""]
        for t in range(1, w.rng.randint(3, 9)):
            lines.append(f"{t}.{w.measure()}。（{w.owners()}；完成时限：{w.deadline()}）")
    return "\n".join(lines + w.footer())


def rectification_opinion(w: Writer) -> str:
    lines = w.header(f"关于{w.rng.choice(AREAS)}“回头看”发现问题整改意见")
    n = 0
    for s in range(1, w.rng.randint(2, 6)):
        lines += ["", f"{cn_number(s)}、{w.rng.choice(AREAS)}", ""]
        for _ in range(w.rng.randint(2, 5)):
            n += 1
            lines += [f"（{cn_number(n)}）{w.problem()}。", "", "整改措施："]
            for t in range(1, w.rng.randint(2, 5)):
                lines.append(f"{t}.{w.measure()}。（{w.owners()}；完成时限：{w.deadline()}）")
    return "\n".join(lines + w.footer())


def campaign_plan(w: Writer) -> str:
    lines = w.header(f"{w.year}年{w.city}{w.rng.choice(AREAS)}专项整治工作实施方案")
    lines += ["", "一、整治重点", ""]
    for b in range(1, w.rng.randint(3, 8)):
        lines.append(f"（{cn_number(b)}）在{w.rng.choice(AREAS)}方面，针对{w.rng.choice(FAULTS)}等问题，重点开展以下整治：")
        for t in range(1, w.rng.randint(3, 7)):
            lines.append(f"{t}.{w.measure()}。")
        lead, rest = w.unit(), w.units(1, 5)
        lines += [f"牵头单位：{lead}", f"责任单位：{'、'.join(rest)}", ""]
    return "\n".join(lines + w.footer())


def progress_report(w: Writer) -> str:
    total = w.rng.randint(8, 30)
    done = w.rng.randint(total // 2, total)
    lines = [f"中共{w.city}委关于巡察整改进展情况的通报", "",
             f"巡察反馈问题{total}个，已完成整改{done}个。", ""]
    for n in range(1, total + 1):
        state = w.rng.choice(["已完成整改。", "已整改完毕。", "正在推进，持续整改。", "目前仍在协调中。"])
        lines += [f"（{n}）针对“{w.problem()}”的问题。", f"整改情况：{w.measure()}。{state}", ""]
    return "\n".join(lines + w.footer())


def proposal_reply(w: Writer) -> str:
    lines = [f"对市政协关于{w.rng.choice(AREAS)}提案的答复", "", "尊敬的委员：", ""]
    for s in range(1, w.rng.randint(2, 5)):
        lines += [f"{cn_number(s)}、{w.rng.choice(AREAS)}工作情况", ""]
        for t in range(1, w.rng.randint(2, 5)):
            lines.append(f"{t}.{w.measure()}。截至目前，已{w.rng.choice(ACTIONS)}。")
        lines.append("")
    return "\n".join(lines + w.footer())


GENRES = [task_list, rectification_opinion, campaign_plan, progress_report, proposal_reply]


def document(seed: int, index: int) -> str:
    rng = random.Random(seed * 1_000_003 + index)
    return GENRES[index % len(GENRES)](Writer(rng))


def write_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"doc{index:06d}.txt"
        if not path.exists():
            path.write_text(document(seed, index), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_corpus(args.out, args.count, args.seed)
