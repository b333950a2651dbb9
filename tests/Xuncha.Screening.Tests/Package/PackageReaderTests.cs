using System.Text;
using Xuncha.Screening.Engine;
using Xuncha.Screening.Package;

namespace Xuncha.Screening.Tests.Package;

public sealed class PackageReaderTests
{
    static PackageReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string ChineseEntriesHeader = "村社代码,凭证号,记账日期,分录号,科目代码,科目名称,摘要,借方金额,贷方金额,往来单位或个人,往来方证件号,结算方式,发票号码,附件张数,决策编号,合同编号\n";

    [Fact]
    public void Gb18030File_WithChineseHeaders_ExcelSerialAndSlashDates_AmountForms_IsRead()
    {
        // 45356 is 2024-03-05 as an Excel serial date.
        var entries = ChineseEntriesHeader +
            $"{TempPackage.Village},2024-记-0001,45356,1,154,在建工程,修路,\"¥1,234.50\",,修路队,,银行转账,FP1,1,,\n" +
            $"{TempPackage.Village},2024-记-0001,2024/3/5,2,531,其他收入,卫生费,,\"1,234.50\",,,,,1,,\n";
        using var pkg = TempPackage.WithVillage().Write("entries", entries, Encoding.GetEncoding("GB18030"));

        var run = ScreeningEngine.Run(pkg.Folder);
        Assert.Equal(2, run.RowsPerTable["entries"]);
        Assert.Equal(new DateOnly(2024, 3, 5), run.AsOf);
        var lead = Assert.Single(run.Leads);
        Assert.Equal("R01", lead.RuleCode);
        Assert.Equal(1234.50m, lead.Amount);
        Assert.Contains("其他收入（卫生费）1,234.50 元", lead.Explanation);
    }

    [Fact]
    public void Gb18030AfterTheSampledStart_IsReadAgainWholly_WithEachAccountOnce()
    {
        // More than the 1 MB sampled for the encoding is plain ASCII; GB18030 text follows. The file is
        // read a second time as GB18030: the lines and their accounts must be there once, not twice.
        var plain = new StringBuilder("village_code,voucher_no,date,line_no,account_code,account_name,summary,debit,credit\n");
        var n = 0;
        while (plain.Length < (1 << 20) + 1000)
        {
            n++;
            plain.Append($"{TempPackage.Village},2023-{n:D6},2023-05-01,1,102,,,100.00,\n");
            plain.Append($"{TempPackage.Village},2023-{n:D6},2023-05-01,2,501,,,,100.00\n");
        }

        var chinese = $"{TempPackage.Village},2024-记-0001,2024-03-05,1,154,在建工程,修路,1234.50,\n" +
            $"{TempPackage.Village},2024-记-0001,2024-03-05,2,531,其他收入,卫生费,,1234.50\n";
        using var pkg = TempPackage.WithVillage();
        File.WriteAllBytes(Path.Combine(pkg.Folder, "entries.csv"), [.. Encoding.ASCII.GetBytes(plain.ToString()), .. Encoding.GetEncoding("GB18030").GetBytes(chinese)]);

        var run = ScreeningEngine.Run(pkg.Folder);
        Assert.Equal(2 * n + 2, run.RowsPerTable["entries"]);
        var lead = Assert.Single(run.Leads, l => l.RuleCode == "R01");
        Assert.Equal(1234.50m, lead.Amount);
        Assert.Contains("其他收入（卫生费）1,234.50 元", lead.Explanation);
    }

    [Theory]
    [InlineData("2024-03-05")]
    [InlineData("2024/3/5")]
    [InlineData("2024.3.5")]
    [InlineData("2024年3月5日")]
    [InlineData("45356")]
    [InlineData("2024-03-05 00:00:00")]
    public void DateForms_AllMeanTheSameDay(string text)
    {
        Assert.True(ValueParsers.TryDate(text, out var date, out _));
        Assert.Equal(new DateOnly(2024, 3, 5), date);
    }

    [Theory]
    [InlineData("1,234.50", 1234.50)]
    [InlineData("¥1,234.50", 1234.50)]
    [InlineData("￥88", 88)]
    [InlineData("-500.00", -500)]
    [InlineData("-¥500", -500)]
    public void AmountForms_AreAccepted(string text, double expected)
    {
        Assert.True(ValueParsers.TryAmount(text, out var amount, out _));
        Assert.Equal((decimal)expected, amount);
    }

    [Theory]
    [InlineData("12.345")]
    [InlineData("abc")]
    [InlineData("")]
    public void BadAmounts_AreRefusedWithAReason(string text)
    {
        Assert.False(ValueParsers.TryAmount(text, out _, out var reason));
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Fact]
    public void Reversal_NegativeDebitCountsAsCredit()
    {
        // Income written as a negative debit (红字) is still income credited: R01 fires with 5,000.
        var entries = "village_code,voucher_no,date,line_no,account_code,account_name,debit,credit\n" +
            $"{TempPackage.Village},V1,2024-03-05,1,154,在建工程,5000,\n" +
            $"{TempPackage.Village},V1,2024-03-05,2,531,其他收入,-5000,\n";
        using var pkg = TempPackage.WithVillage().Write("entries", entries);
        var run = ScreeningEngine.Run(pkg.Folder);
        var lead = Assert.Single(run.Leads);
        Assert.Equal(("R01", 5000m), (lead.RuleCode, lead.Amount));
    }

    [Fact]
    public void Account511_IsIncomeIn2004AndAnExpenseIn2023_ChosenByNames()
    {
        // Village A's names match the 2004 chart (现金, 发包及上交收入): 511 is income, R01 fires.
        // Village B's names match the 2023 chart (库存现金, 管理费用 513): 511 is 经营支出, nothing fires.
        const string a = "330782100201", b = "330782100202";
        var villages = "village_code,village_name\n" + a + ",甲村\n" + b + ",乙村\n";
        var entries = "village_code,voucher_no,date,line_no,account_code,account_name,debit,credit,counterparty\n" +
            $"{a},A1,2024-03-05,1,154,在建工程,1000,,\n" +
            $"{a},A1,2024-03-05,2,511,发包及上交收入,,1000,\n" +
            $"{a},A2,2024-03-06,1,101,现金,300,,\n" +
            $"{a},A2,2024-03-06,2,102,银行存款,,300,\n" +
            $"{b},B1,2024-03-05,1,153,在建工程,1000,,\n" +
            $"{b},B1,2024-03-05,2,511,经营支出,,1000,\n" +
            $"{b},B2,2024-03-06,1,101,库存现金,300,,\n" +
            $"{b},B2,2024-03-06,2,513,管理费用,,300,\n";
        using var pkg = new TempPackage().Write("villages", villages).Write("entries", entries);
        var run = ScreeningEngine.Run(pkg.Folder);
        var lead = Assert.Single(run.Leads);
        Assert.Equal(("R01", a, "A1"), (lead.RuleCode, lead.VillageCode, lead.Ref));
        Assert.Contains(run.Notes, n => n.Contains("按科目名称匹配"));
    }

    [Fact]
    public void BadPackage_ListsEveryBadRowWithFileLineColumnAndReason_AndKeepsNothing()
    {
        var entries = "village_code,voucher_no,date,account_code,debit,credit\n" +
            $"{TempPackage.Village},V1,2024-13-45,101,100,\n" +
            $"{TempPackage.Village},V1,2024-01-05,101,abc,\n" +
            $"{TempPackage.Village},,2024-01-05,101,100,\n" +
            $"{TempPackage.Village},V2,2024-01-05,101,100,\n" +
            $"33078210020,V3,2024-01-05,101,100,\n";
        using var pkg = TempPackage.WithVillage().Write("entries", entries);
        var ex = Assert.Throws<InvalidPackageException>(() => ScreeningEngine.Run(pkg.Folder));
        Assert.Equal(4, ex.Errors.Count);
        Assert.Equal(("entries.csv", 2, "「记账日期」"), (ex.Errors[0].File, ex.Errors[0].Line, ex.Errors[0].Column));
        Assert.Contains("无法识别：2024-13-45，请使用 YYYY-MM-DD 格式", ex.Errors[0].Reason);
        Assert.Equal((3, "「借方金额」"), (ex.Errors[1].Line, ex.Errors[1].Column));
        Assert.Equal((4, "「凭证号」"), (ex.Errors[2].Line, ex.Errors[2].Column));
        Assert.Contains("必填", ex.Errors[2].Reason);
        Assert.Equal((6, "「村社代码」"), (ex.Errors[3].Line, ex.Errors[3].Column));
        Assert.Equal("entries.csv 第 2 行「记账日期」：无法识别：2024-13-45，请使用 YYYY-MM-DD 格式（也可用 YYYY/M/D、YYYY.M.D、YYYY年M月D日或 Excel 日期）", ex.Errors[0].ToString());
    }

    [Fact]
    public void MissingVillagesTable_OrRequiredColumn_IsReported()
    {
        using var pkg = new TempPackage().Write("entries", "village_code,date,account_code\n");
        var ex = Assert.Throws<InvalidPackageException>(() => ScreeningEngine.Run(pkg.Folder));
        Assert.Contains(ex.Errors, e => e.Reason.Contains("缺少必需的村社表"));
        Assert.Contains(ex.Errors, e => e.File == "entries.csv" && e.Reason.Contains("voucher_no"));
    }

    [Fact]
    public void DuplicateContractNumber_InOneVillage_IsABadRow()
    {
        var contracts = "village_code,contract_no,kind,amount\n" +
            $"{TempPackage.Village},HT-1,工程,100\n{TempPackage.Village},HT-1,工程,200\n";
        using var pkg = TempPackage.WithVillage().Write("contracts", contracts);
        var ex = Assert.Throws<InvalidPackageException>(() => ScreeningEngine.Run(pkg.Folder));
        var e = Assert.Single(ex.Errors);
        Assert.Equal(3, e.Line);
        Assert.Contains("第一次出现在第 2 行", e.Reason);
    }

    [Fact]
    public void QuotedFieldsWithCommasAndLineBreaks_KeepLineNumbersOfTheFile()
    {
        var entries = "village_code,voucher_no,date,account_code,summary,debit\n" +
            $"{TempPackage.Village},V1,2024-01-05,541,\"办公用品，\n纸张\",100\n" +
            $"{TempPackage.Village},V2,bad-date,541,x,100\n";
        using var pkg = TempPackage.WithVillage().Write("entries", entries);
        var ex = Assert.Throws<InvalidPackageException>(() => ScreeningEngine.Run(pkg.Folder));
        Assert.Equal(4, Assert.Single(ex.Errors).Line);
    }

    [Fact]
    public void XlsxWorkbook_WithASheetPerTable_DateCellsAndNumberCells_IsRead()
    {
        using var folder = new TempFolder("xlsx");
        var path = folder.PathOf("package.xlsx");
        var villages = new[] { new Dictionary<string, object?> { ["村社代码"] = TempPackage.Village, ["村社名称"] = "测试村" } };
        var entries = new[]
        {
            new Dictionary<string, object?> { ["村社代码"] = TempPackage.Village, ["凭证号"] = "X1", ["记账日期"] = new DateTime(2024, 3, 5), ["科目代码"] = "154", ["科目名称"] = "在建工程", ["借方金额"] = 2500.5, ["贷方金额"] = null },
            new Dictionary<string, object?> { ["村社代码"] = TempPackage.Village, ["凭证号"] = "X1", ["记账日期"] = 45356.0, ["科目代码"] = "531", ["科目名称"] = "其他收入", ["借方金额"] = null, ["贷方金额"] = 2500.5 },
        };
        MiniExcelLibs.MiniExcel.SaveAs(path, new Dictionary<string, object> { ["villages"] = villages, ["记账凭证分录"] = entries });

        var run = ScreeningEngine.Run(path);
        Assert.Equal(2, run.RowsPerTable["entries"]);
        var lead = Assert.Single(run.Leads);
        Assert.Equal(("R01", "X1", 2500.50m), (lead.RuleCode, lead.Ref, lead.Amount));
        Assert.Equal(new DateOnly(2024, 3, 5), run.AsOf);
    }

    [Fact]
    public void UnknownColumns_AreKeptAsNotesNotErrors()
    {
        using var pkg = new TempPackage().Write("villages", "村社代码,村社名称,备注（内部）\n330782100201,测试村,x\n");
        var run = ScreeningEngine.Run(pkg.Folder);
        Assert.Contains(run.Notes, n => n.Contains("备注（内部）"));
    }
}
