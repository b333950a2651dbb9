using Xuncha.Core.Domain.Fieldwork;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Features.Documents;
using Xuncha.Documents;

namespace Xuncha.Core.Tests.Features.Documents;

public class ComposerTests
{
    private static readonly DocumentSettings Settings = new();

    private static DocumentData Data(bool village = true)
    {
        var round = new Round { Id = Guid.NewGuid(), Name = "义乌市委2026年第三轮村（社区）巡察", RegionCode = "330782", CreatedById = "t", StartDate = new(2026, 9, 1), EndDate = new(2026, 10, 15) };
        DocumentFinding F(string title, string? l1, string? l2, string people, decimal? amount, decimal recovered, bool clue = false) => new(
            new Finding
            {
                Id = Guid.NewGuid(), VillageCode = "330782100001", Title = title, Source = "visit", CreatedById = "t", CategoryL1 = l1, CategoryL2 = l2,
                ResponsiblePeople = people, Amount = amount,
            },
            "蒋宅村", "佛堂镇", recovered,
            clue ? new ClueTransfer { Id = Guid.NewGuid(), FindingId = Guid.Empty, ToUnit = "义乌市纪委市监委", ContentProtected = "v1:x", CreatedById = "t", TransferredOn = new(2026, 10, 1) } : null);
        return new DocumentData(round, "义乌市",
            [new DocumentVillage("330782100001", "蒋宅村", "佛堂镇", null, "第一巡察组", "王组长", ["王组长", "李成员"])],
            [
                F("工程未招投标", "群众身边腐败和不正之风", "工程项目", "村党组织书记", 50_000m, 0, clue: true),
                F("白条入账", "群众身边腐败和不正之风", "财务制度", "村报账员", 3_000m, 3_000m),
                F("三会一课记录不全", "基层党组织建设", "组织生活", "", null, 0),
            ],
            new Dictionary<FieldRecordKind, int> { [FieldRecordKind.HomeVisit] = 12, [FieldRecordKind.Talk] = 5 }, new DateOnly(2026, 11, 28)) { IsVillage = village };
    }

    [Fact]
    public void Report_Village_CategoriesBecomeNumberedHeadingsUnderMainProblems()
    {
        var report = ReportComposer.Compose(Data(), Settings);
        var headings = report.Blocks.OfType<HeadingBlock>().Select(h => (h.Level, h.Text)).ToList();

        Assert.Equal("关于对佛堂镇蒋宅村党组织巡察情况的报告", report.Title);
        Assert.Equal("义乌市委巡察工作领导小组：", report.Addressee);
        Assert.Equal(
            [(1, "一、巡察工作开展情况"), (1, "二、发现的主要问题"), (2, "（一）群众身边腐败和不正之风"), (3, "1.工程项目"), (4, "（1）工程未招投标"), (3, "2.财务制度"),
             (4, "（1）白条入账"), (2, "（二）基层党组织建设"), (3, "1.组织生活"), (4, "（1）三会一课记录不全"), (1, "三、意见建议")],
            headings.Take(11));
        var text = string.Join("\n", report.Blocks.OfType<TextBlock>().Select(t => t.Text));
        Assert.Contains("共走访群众12人次（其中登门访12人次", text);
        Assert.Contains("开展个别谈话5人次", text);
        Assert.Contains("巡察共发现问题3个，涉及金额53,000.00元，已挽回经济损失3,000.00元；其中立行立改问题0个；向纪检监察机关移交问题线索1件。", text);
        Assert.Contains("组长王组长，成员王组长、李成员", text);
        Assert.Equal(["问题清单", "责任清单", "整改任务清单", "问题线索移交清单"], report.Attachments);
        Assert.Equal(new DocumentSignature("义乌市委第一巡察组", new DateOnly(2026, 11, 28)), report.Signature);
    }

    [Fact]
    public void ClueList_WithoutTexts_HasNoProtectedColumns_WithTexts_CarriesThem()
    {
        var clues = DocumentSettings.Defaults.Single(l => l.Key == DocumentColumns.Clues);
        var data = Data();

        var hidden = ListComposer.Compose(clues, data, Settings, null);
        Assert.Equal(["序号", "问题", "移交日期", "移交单位", "状态"], hidden.Columns.Select(c => c.Header));
        var row = Assert.Single(hidden.Rows);
        Assert.Equal("工程未招投标", row["problem"]);
        Assert.False(row.ContainsKey("content"));
        Assert.Equal(DocumentTexts.ClueHiddenNote, hidden.Note);

        var shown = ListComposer.Compose(clues, data, Settings, new Dictionary<Guid, ClueText> { [data.Findings[0].Finding.Id] = new("书记指定亲属承接", "书记") });
        Assert.Equal(["序号", "问题", "移交日期", "移交单位", "状态", "线索内容", "涉及人员"], shown.Columns.Select(c => c.Header));
        Assert.Equal("书记指定亲属承接", Assert.Single(shown.Rows)["content"]);
    }

    [Fact]
    public void Responsibilities_LeaderWordsMakeLeadingResponsibility_RoundListsAddTheVillage()
    {
        var list = ListComposer.Compose(DocumentSettings.Defaults.Single(l => l.Key == DocumentColumns.Responsibilities), Data(village: false), Settings, null);

        Assert.Equal(["序号", "村（社区）", "问题", "责任人/单位", "责任类型"], list.Columns.Select(c => c.Header));
        Assert.Equal(["领导责任", "直接责任", ""], list.Rows.Select(r => r["responsibilityType"]));
        Assert.Equal(["1", "2", "3"], list.Rows.Select(r => r["no"]));
        Assert.Equal("佛堂镇蒋宅村", list.Rows[0]["village"]);
    }

    [Fact]
    public void Settings_ConfiguredColumnsInOrder_UnknownKeysDropped_UnknownListRefused()
    {
        var setting = new ListSetting { Key = DocumentColumns.Problems, Title = "问题清单", Columns = ["description", "no", "nonsense", "amount"] };

        Assert.Equal(["description", "no", "amount"], DocumentColumns.Resolve(setting).Select(c => c.Key));
        Assert.Throws<InvalidOperationException>(() => DocumentColumns.Resolve(new ListSetting { Key = "other" }));
        Assert.Equal(4, new DocumentSettings().EffectiveLists.Count);
        Assert.Equal("大成社区", DocumentTexts.VillageName("大成社区居委会"));
        Assert.Equal("蒋宅村", DocumentTexts.VillageName("蒋宅村委会"));
    }
}
