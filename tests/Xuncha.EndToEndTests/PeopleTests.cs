using Microsoft.Playwright;
using MiniExcelLibs;
using Xuncha.Core.Features.People;
using Xuncha.Core.Features.Setup;
using Xuncha.Screening.Checks;

namespace Xuncha.EndToEndTests;

/// <summary>The personnel pool of issue 4: a county office imports its people from Excel, fixing what the import points out.</summary>
public sealed class PeopleTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly List<TempFolder> workbooks = [];

    public void Dispose() => workbooks.ForEach(w => w.Dispose());

    /// <summary>A workbook in its own temp folder (every one is named 义乌人员.xlsx), deleted after the test.</summary>
    private string Workbook(string idNumber, string workFrom)
    {
        var folder = new TempFolder("people");
        workbooks.Add(folder);
        var path = folder.PathOf("义乌人员.xlsx");
        var people = new[]
        {
            Row(PeopleWorkbook.PeopleColumns, "楼思远", idNumber, "男", "义乌市审计局", "审计员", "13905790000", "义乌市", "佛堂镇/大成社区", "审计、财政", 0, "否", "是"),
        };
        var works = new[] { Row(PeopleWorkbook.WorkColumns, idNumber, "佛堂镇人民政府", "义乌市/佛堂镇", workFrom, "2023-06-30") };
        var relatives = new[] { Row(PeopleWorkbook.RelativeColumns, idNumber, "楼思明", "兄弟", "", "佛堂镇/大成社区", "村委会委员") };
        MiniExcel.SaveAs(path, new Dictionary<string, object>
        {
            [PeopleWorkbook.PeopleSheet] = people,
            [PeopleWorkbook.WorksSheet] = works,
            [PeopleWorkbook.RelativesSheet] = relatives,
        });
        return path;
    }

    private static Dictionary<string, object?> Row(IReadOnlyList<string> columns, params object?[] values) =>
        columns.Select((c, i) => (c, v: values[i])).ToDictionary(x => x.c, x => x.v);

    [Fact]
    public async Task CountyOffice_ImportsPeople_SeesEveryError_FixesThem_AndFindsThePerson()
    {
        const string first17 = "33078219860412003";
        var id = first17 + ResidentId.ComputeCheckDigit(first17);
        var wrong = first17 + (id[17] == '1' ? '2' : '1');

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("yiwu", DemoSeeder.Password);
        await page.GetByText("您好，李示例").WaitForAsync();
        await page.GotoAsync("/people");
        await page.WaitInteractiveAsync();
        await page.Locator(".table-total", new() { HasText = $"共 {DemoPeople.YiwuPeople} 条" }).WaitForAsync();
        await page.Locator("td .ant-tag", new() { HasText = "老乡镇" }).First.WaitForAsync();
        await page.ShotAsync(fixture, "20-people-list");

        // A workbook with a wrong check digit and an impossible date: every error listed, nothing imported.
        var dialog = page.GetByRole(AriaRole.Dialog);
        await page.GetByRole(AriaRole.Button, new() { Name = "导入 Excel" }).ClickUntilAsync(() => dialog.IsVisibleAsync());
        await page.Locator("#f-import").SetInputFilesAsync(Workbook(wrong, "2019-02-30"));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        var errors = page.GetByTestId("import-errors");
        await errors.WaitForAsync();
        var text = await errors.InnerTextAsync();
        Assert.Contains("校验位不正确", text);
        Assert.Contains($"最后一位应为 {id[17]}", text);
        Assert.Contains("不是日期：2019-02-30", text);
        Assert.Contains("工作经历", text);
        Assert.Contains("未导入任何数据", await page.GetByTestId("import-summary").InnerTextAsync());
        await page.ShotAsync(fixture, "21-people-import-errors");

        // Fixed: imported, with the work and the relative.
        await page.Locator("#f-import").SetInputFilesAsync(Workbook(id, "2019-03-01"));
        await errors.WaitForAsync(new() { State = WaitForSelectorState.Detached }); // the new file is in: the old result is gone
        await dialog.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await page.GetByTestId("import-summary").GetByText("新增 1 人").WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("import-errors").CountAsync());
        await page.ShotAsync(fixture, "22-people-import-done");
        await dialog.Locator(".ant-modal-close").ClickAsync();

        // In the list, and on record with his work and relative.
        await page.Locator("#f-q").FillAsync("楼思远");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        var row = page.Locator("tr", new() { HasText = "楼思远" });
        await row.WaitForAsync();
        Assert.Contains("共 1 条", await page.Locator(".table-total").InnerTextAsync());
        Assert.Contains("大成社区居委会", await row.InnerTextAsync());
        await page.ShotAsync(fixture, "23-people-imported-in-list");
        await row.GetByText("查看").ClickAsync();
        var view = page.GetByTestId("person-view");
        await view.WaitForAsync();
        Assert.Contains("佛堂镇人民政府", await view.InnerTextAsync());
        Assert.Contains("楼思明", await view.InnerTextAsync());
        await page.WaitForTimeoutAsync(500); // the drawer slides in
        await page.ShotAsync(fixture, "24-person-drawer");

        // Linking a login account: an account already linked to someone else is refused in place.
        await view.Locator("#f-account").FillAsync("team");
        await view.GetByRole(AriaRole.Button, new() { Name = "保存关联" }).ClickUntilAsync(() => view.GetByText("已关联人员").IsVisibleAsync());
        await page.ShotAsync(fixture, "24a-person-account-refused");
    }

    [Fact]
    public async Task PersonForm_ShowsFieldErrors_InChinese()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("yiwu", DemoSeeder.Password);
        await page.GetByText("您好").WaitForAsync();
        await page.GotoAsync("/people");
        await page.WaitInteractiveAsync();
        var form = page.GetByTestId("person-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建" }).ClickUntilAsync(() => form.IsVisibleAsync());
        await page.Locator("#p-idNumber").FillAsync("330782198604120031");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加工作经历" }).ClickAsync();
        await page.WaitForTimeoutAsync(500);
        await page.ShotAsync(fixture, "25a-person-form");
        await form.Locator("button[type=submit]").ClickAsync();
        await form.GetByText("姓名不能为空。").WaitForAsync();
        Assert.True(await form.GetByText("专长至少选择一项。").IsVisibleAsync());
        Assert.True(await form.GetByText("起始日期不能为空。").IsVisibleAsync());
        await page.ShotAsync(fixture, "25-person-form-errors");

        // Picking the home village in the region tree: county, township, village.
        await page.Locator("#p-name").FillAsync("周测试");
        await page.Locator("#p-idNumber").FillAsync("33078219900101002" + ResidentId.ComputeCheckDigit("33078219900101002"));
        await form.GetByText("纪检").ClickAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await page.Locator("#p-home").ClickAsync();
        await page.Locator(".ant-cascader-menu-item", new() { HasText = "义乌市" }).First.ClickAsync();
        await page.Locator(".ant-cascader-menu-item", new() { HasText = "佛堂镇" }).First.ClickAsync();
        var option = page.Locator(".ant-cascader-menu-item", new() { HasText = "大成社区居委会" }).First;
        await option.WaitForAsync();
        await page.WaitForTimeoutAsync(400); // the menu fades in
        await page.ShotAsync(fixture, "26-person-form-village-picker");
        await option.ClickAsync();
        await form.Locator("button[type=submit]").ClickAsync();
        var view = page.GetByTestId("person-view");
        await view.WaitForAsync();
        Assert.Contains("义乌市 / 佛堂镇 / 大成社区居委会", await view.InnerTextAsync());
    }

    [Fact]
    public async Task CityOffice_SeesEveryPool_AndTheExperts()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("city", DemoSeeder.Password);
        await page.GetByText("您好").WaitForAsync();
        await page.GotoAsync("/people");
        await page.WaitInteractiveAsync();
        await page.Locator(".table-total", new() { HasText = "共" }).WaitForAsync();
        Assert.True(await page.Locator("#f-region").IsVisibleAsync(), "the city chooses among the pools");
        Assert.True(await page.Locator("th", new() { HasText = "所属" }).IsVisibleAsync());

        await page.GotoAsync("/experts");
        await page.WaitInteractiveAsync();
        await page.Locator("td", new() { HasText = "钱模拟" }).WaitForAsync();
        Assert.Contains("共 12 条", await page.Locator(".table-total").InnerTextAsync());
        await page.ShotAsync(fixture, "27-experts-city");
    }
}
