using Xuncha.Core.Features.People;
using Xuncha.Documents;

namespace Xuncha.Core.Features.Feedback;

/// <summary>
/// The feedback letters of 共性问题 as official documents: one to a city department on the
/// 面上共性问题 in its field, one to a county committee on its 突出问题.
/// </summary>
public sealed class FeedbackLettersHandler(CommonProblemsHandler problems, TimeProvider clock)
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary><paramref name="to"/> is a department's name or a county's code, as listed in <see cref="CommonProblems"/>.</summary>
    public async Task<(byte[] Content, string FileName)> Letter(GetCommonProblems q, string to, Security.UserScope user, CancellationToken ct = default)
    {
        var result = await problems.Handle(q, user, ct);
        var issuer = user.ScopeCode.Length == 4 ? "中共金华市委巡察工作领导小组办公室" : $"中共{user.ScopeName}委巡察工作领导小组办公室";
        var today = SavePersonHandler.ChinaToday(clock);
        // A round's name already ends in 巡察; a year does not.
        var inspection = result.Period.EndsWith("巡察", StringComparison.Ordinal) ? result.Period : result.Period + "巡察";
        OfficialDocument letter;
        if (result.DepartmentLetters.FirstOrDefault(l => l.Department == to) is { } department)
        {
            letter = new OfficialDocument($"关于{inspection}发现面上共性问题的函")
            {
                Addressee = $"{department.Department}：",
                Blocks = Body(result, department.Categories,
                    $"{result.Period}共巡察村（社区）{result.VillagesInspected}个，发现问题{result.Findings}个。其中以下问题在多个村（社区）普遍存在，属于贵单位职责范围，现予反馈，请研究制定针对性措施，推动面上整改，并于30日内将整改情况书面反馈我办。"),
                Signature = new DocumentSignature(issuer, today),
            };
        }
        else if (result.CountyLetters.FirstOrDefault(l => l.CountyCode == to) is { } county)
        {
            letter = new OfficialDocument($"关于{inspection}发现{county.CountyName}突出问题的反馈函")
            {
                Addressee = $"中共{county.CountyName}委员会：",
                Blocks = Body(result, county.Categories,
                    $"{result.Period}在{county.CountyName}巡察村（社区）{county.VillagesInspected}个，发现问题{county.Findings}个。以下问题较为突出，现予反馈，请督促有关乡镇（街道）和村（社区）认真整改，并按要求报送整改情况。"),
                Signature = new DocumentSignature(issuer, today),
            };
        }
        else
        {
            throw new Security.NotFoundException("本期没有致该单位的共性问题反馈函。");
        }

        using var stream = new MemoryStream();
        OfficialDocxWriter.Write(letter, stream);
        return (stream.ToArray(), letter.Title + ".docx");
    }

    private static List<DocumentBlock> Body(CommonProblems result, IReadOnlyList<CategoryAggregate> categories, string opening)
    {
        var blocks = new List<DocumentBlock> { new TextBlock(opening) };
        for (var i = 0; i < categories.Count; i++)
        {
            var c = categories[i];
            blocks.Add(new HeadingBlock(1, $"{ChineseNumerals.HeadingPrefix(1, i + 1)}{c.Label}问题"));
            blocks.Add(new TextBlock($"涉及村（社区）{c.VillageCount}个、问题{c.Findings}个" +
                (c.Amount > 0 ? $"，涉及金额{c.Amount:N2}元" : "") + $"。涉及村（社区）：{string.Join("、", c.Villages)}。"));
        }

        blocks.Add(new TextBlock("特此函告。"));
        return blocks;
    }
}
