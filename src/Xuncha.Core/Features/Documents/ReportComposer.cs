using Xuncha.Core.Domain.Fieldwork;
using Xuncha.Core.Features.Planning;
using Xuncha.Documents;

namespace Xuncha.Core.Features.Documents;

/// <summary>
/// The inspection report (巡察报告) of a village or of a round, in the usual three parts: 巡察工作开展情况,
/// 发现的主要问题 (grouped 一级分类 → 二级分类 → 问题) and 意见建议. Clues appear only as a count.
/// </summary>
public static class ReportComposer
{
    public static OfficialDocument Compose(DocumentData data, DocumentSettings settings)
    {
        var round = data.Round;
        var village = data.Village;
        var blocks = new List<DocumentBlock>
        {
            new TextBlock(village is null
                ? $"根据{data.RoundRegionName}委巡察工作统一部署，{ChineseNumerals.Date(round.StartDate)}至{ChineseNumerals.Date(round.EndDate)}，各巡察组对{data.Villages.Count}个村（社区）党组织开展了{PlanningTexts.TypeName(round.Type)}。现将巡察情况报告如下。"
                : $"根据{data.RoundRegionName}委巡察工作统一部署，{village.TeamName ?? "巡察组"}于{ChineseNumerals.Date(round.StartDate)}至{ChineseNumerals.Date(round.EndDate)}对{village.TownshipName}{village.Name}党组织开展了{PlanningTexts.TypeName(round.Type)}。现将巡察情况报告如下。"),
            new HeadingBlock(1, ChineseNumerals.HeadingPrefix(1, 1) + "巡察工作开展情况"),
            new TextBlock(FieldWork(data.FieldWork)),
        };
        if (village is not null)
        {
            if (village.Members.Count > 0)
            {
                blocks.Add(new TextBlock($"巡察组由{village.Members.Count}人组成{(village.Leader is null ? "" : $"，组长{village.Leader}")}，成员{string.Join("、", village.Members)}。"));
            }

            if (Profile(village) is { } profile)
            {
                blocks.Add(new TextBlock(profile));
            }
        }

        blocks.Add(new HeadingBlock(1, ChineseNumerals.HeadingPrefix(1, 2) + "发现的主要问题"));
        blocks.AddRange(Problems(data));
        blocks.Add(new HeadingBlock(1, ChineseNumerals.HeadingPrefix(1, 3) + "意见建议"));
        blocks.AddRange(Suggestions(data));

        return new OfficialDocument(village is null ? $"关于{round.Name}情况的报告" : $"关于对{village.TownshipName}{village.Name}党组织巡察情况的报告")
        {
            Subtitle = village is null ? null : round.Name,
            Addressee = $"{data.RoundRegionName}委巡察工作领导小组：",
            Blocks = blocks,
            Attachments = settings.EffectiveLists.Select(l => l.Title).ToList(),
            Signature = new DocumentSignature(Signer(data), data.Today),
        };
    }

    /// <summary>The report's headings, for a preview.</summary>
    public static IReadOnlyList<string> Outline(OfficialDocument document) =>
        document.Blocks.OfType<HeadingBlock>().Where(h => h.Level <= 3).Select(h => new string('　', (h.Level - 1) * 2) + h.Text).ToList();

    private static string FieldWork(IReadOnlyDictionary<FieldRecordKind, int> counts)
    {
        int Count(FieldRecordKind k) => counts.GetValueOrDefault(k);
        var visits = Count(FieldRecordKind.HomeVisit) + Count(FieldRecordKind.PhoneVisit) + Count(FieldRecordKind.RepeatVisit) + Count(FieldRecordKind.FollowUp);
        return $"巡察期间，共走访群众{visits}人次（其中登门访{Count(FieldRecordKind.HomeVisit)}人次、电话访{Count(FieldRecordKind.PhoneVisit)}人次、"
            + $"反复访{Count(FieldRecordKind.RepeatVisit)}人次、跟踪访{Count(FieldRecordKind.FollowUp)}人次），开展个别谈话{Count(FieldRecordKind.Talk)}人次，"
            + $"查阅资料{Count(FieldRecordKind.DocumentReview)}次。";
    }

    private static string? Profile(DocumentVillage village)
    {
        var p = village.Profile;
        if (p is null || (p.Population is null && p.CollectiveIncome is null))
        {
            return null;
        }

        var parts = new List<string>();
        if (p.Population is { } population)
        {
            parts.Add($"户籍人口{population}人");
        }

        if (p.CollectiveIncome is { } income)
        {
            parts.Add($"村集体经济收入{DocumentTexts.Wan(income)}万元");
        }

        return $"{village.Name}{string.Join("，", parts)}{(p.WeakOrg == true ? "；村党组织被列为软弱涣散基层党组织" : "")}。";
    }

    private static IEnumerable<DocumentBlock> Problems(DocumentData data)
    {
        var findings = data.Findings;
        if (findings.Count == 0)
        {
            yield return new TextBlock("巡察未发现需要列入问题清单的问题。");
            yield break;
        }

        var amount = findings.Sum(f => f.Finding.Amount ?? 0);
        var recovered = findings.Sum(f => f.Recovered);
        yield return new TextBlock($"巡察共发现问题{findings.Count}个，涉及金额{DocumentTexts.Money(amount)}元，已挽回经济损失{DocumentTexts.Money(recovered)}元；"
            + $"其中立行立改问题{findings.Count(f => f.Finding.RectifiedOnTheSpot)}个；向纪检监察机关移交问题线索{findings.Count(f => f.Clue is not null)}件。");

        var l1Number = 0;
        foreach (var l1 in findings.GroupBy(f => f.Finding.CategoryL1 ?? "其他问题"))
        {
            yield return new HeadingBlock(2, ChineseNumerals.HeadingPrefix(2, ++l1Number) + l1.Key);
            var l2Number = 0;
            foreach (var l2 in l1.GroupBy(f => f.Finding.CategoryL2 ?? "其他"))
            {
                yield return new HeadingBlock(3, ChineseNumerals.HeadingPrefix(3, ++l2Number) + l2.Key);
                var number = 0;
                foreach (var f in l2)
                {
                    var where = data.IsVillage ? "" : $"{f.TownshipName}{f.VillageName}：";
                    yield return new HeadingBlock(4, ChineseNumerals.HeadingPrefix(4, ++number) + where + f.Finding.Title);
                    yield return new TextBlock(Detail(f));
                }
            }
        }
    }

    private static string Detail(DocumentFinding f)
    {
        var text = f.Finding.Description.Trim();
        if (text.Length > 0 && !"。！？；".Contains(text[^1]))
        {
            text += "。";
        }

        if (f.Finding.Amount is > 0)
        {
            text += $"涉及金额{DocumentTexts.Money(f.Finding.Amount.Value)}元" + (f.Recovered > 0 ? $"，已挽回{DocumentTexts.Money(f.Recovered)}元。" : "。");
        }

        if (f.Finding.RectifiedOnTheSpot)
        {
            text += "巡察期间已立行立改。";
        }

        return text.Length > 0 ? text : "（详见问题清单）";
    }

    private static IEnumerable<DocumentBlock> Suggestions(DocumentData data)
    {
        var number = 0;
        foreach (var category in data.Findings.Select(f => f.Finding.CategoryL1).OfType<string>().Distinct())
        {
            if (DocumentTexts.Suggestions.TryGetValue(category, out var suggestion))
            {
                yield return new HeadingBlock(2, ChineseNumerals.HeadingPrefix(2, ++number) + suggestion.Heading);
                yield return new TextBlock(suggestion.Text);
            }
        }

        yield return new HeadingBlock(2, ChineseNumerals.HeadingPrefix(2, ++number) + DocumentTexts.RectifySuggestion.Heading);
        yield return new TextBlock(DocumentTexts.RectifySuggestion.Text);
    }

    private static string Signer(DocumentData data)
    {
        var team = data.Village?.TeamName;
        return team is null ? $"{data.RoundRegionName}委巡察工作领导小组办公室" : team.Contains('委') ? team : $"{data.RoundRegionName}委{team}";
    }
}
