using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xuncha.Core.Domain.People;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Teams;
using Xuncha.Core.Features.People;
using Xuncha.Core.Features.Setup;
using Xuncha.IntegrationTests.Infrastructure;
using Xuncha.Screening.Checks;

namespace Xuncha.IntegrationTests.Api;

/// <summary>Test data for the pools: fresh valid ID numbers and workbooks built with MiniExcel.</summary>
public static class PeopleData
{
    /// <summary>A new valid resident ID (GB 11643) of <paramref name="county"/>, different on every call.</summary>
    public static string NewId(string county = "330782", bool male = true)
    {
        var year = 1960 + RandomNumberGenerator.GetInt32(40);
        var day = new DateOnly(year, 1, 1).AddDays(RandomNumberGenerator.GetInt32(365));
        var sequence = (RandomNumberGenerator.GetInt32(100) * 10) + (RandomNumberGenerator.GetInt32(5) * 2) + (male ? 1 : 0);
        var first17 = $"{county}{day:yyyyMMdd}{sequence:000}";
        return first17 + ResidentId.ComputeCheckDigit(first17);
    }

    /// <summary>The same ID with a wrong check character.</summary>
    public static string WrongCheckDigit(string id) => id[..17] + (id[17] == '1' ? '2' : '1');

    public static byte[] Workbook(params (string Sheet, IReadOnlyList<string> Columns, object?[][] Rows)[] sheets)
    {
        var data = new Dictionary<string, object>();
        foreach (var (sheet, columns, rows) in sheets)
        {
            data[sheet] = rows.Length == 0
                ? new[] { columns.ToDictionary(c => c, _ => (object?)null) }
                : rows.Select(r => columns.Select((c, i) => (c, v: i < r.Length ? r[i] : null)).ToDictionary(x => x.c, x => x.v)).ToArray();
        }

        using var stream = new MemoryStream();
        stream.SaveAs(data);
        return stream.ToArray();
    }

    public static MultipartFormDataContent Upload(byte[] xlsx, string fileName = "人员.xlsx") =>
        new() { { new ByteArrayContent(xlsx), "file", fileName } };

    /// <summary>The sheets of a downloaded workbook, each as rows keyed by header.</summary>
    public static Dictionary<string, List<IDictionary<string, object?>>> Read(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return MiniExcel.GetSheetNames(stream).ToDictionary(s => s, s =>
        {
            using var again = new MemoryStream(xlsx);
            return again.Query(useHeaderRow: true, sheetName: s).Cast<IDictionary<string, object?>>()
                .Where(r => r.Values.Any(v => v is not null && v.ToString() != "")).ToList();
        });
    }
}

/// <summary>The personnel and expert pools through the API, on both databases.</summary>
public abstract class PeopleApiTestsBase(XunchaAppFactory app)
{
    private static object Person(string id, string name = "测试人员", string? region = null, string[]? skills = null, object[]? works = null, object[]? relatives = null, string? unit = null) => new
    {
        name,
        idNumber = id,
        unit = unit ?? "义乌市审计局",
        position = "审计员",
        phone = "13900000000",
        regionCode = region,
        homeVillageCode = "330782100014",
        skills = skills ?? ["审计", "财政"],
        townshipYears = 0,
        canLead = true,
        works = works ?? [],
        relatives = relatives ?? [],
    };

    [Fact]
    public async Task DemoSeed_LoadsTheDemoPools_WithTheDemoAccountsLinked()
    {
        // What the pools hold is tested on DemoPeople.Build (Xuncha.Core.Tests); here: it is what was seeded.
        await using var db = await app.DbAsync();
        var (people, experts) = DemoPeople.Build(await db.Regions.Where(r => r.Level != RegionLevel.City).ToListAsync());
        var ids = people.Select(p => p.IdNumber!).ToList();
        Assert.Equal(people.Count, await db.People.CountAsync(p => ids.Contains(p.IdNumber!)));
        Assert.Equal(people.Sum(p => p.Works.Count), await db.PersonWorks.CountAsync(w => db.People.Any(p => p.Id == w.PersonId && ids.Contains(p.IdNumber!))));
        Assert.True(await db.Experts.CountAsync() >= experts.Count);
        // The team account is 赵演练's, unless the solver left her out of the current round's teams
        // (it runs on several threads for a limited time): then it is moved to a member of the first team.
        var team = await db.Users.SingleAsync(u => u.UserName == "team");
        var holder = await db.People.SingleAsync(p => p.UserId == team.Id);
        Assert.True(holder.Name == "赵演练" || await db.TeamMembers.AnyAsync(m => m.PersonId == holder.Id), $"team 账号关联了 {holder.Name}，他不在任何巡察组");
        var expert = await db.Users.SingleAsync(u => u.UserName == "expert");
        Assert.Equal("钱模拟", (await db.Experts.SingleAsync(e => e.UserId == expert.Id)).Name);

        using var client = await app.ClientForAsync("yiwu");
        var discipline = await (await client.GetAsync("/api/people?skill=纪检&available=true&region=330782")).JsonAsync();
        Assert.True(discipline.GetProperty("total").GetInt32() >= 12);
    }

    [Fact]
    public async Task Create_WithBadInput_Returns400WithEveryFieldErrorInChinese()
    {
        using var client = await app.ClientForAsync("yiwu");
        var id = PeopleData.NewId();
        var response = await client.PostAsJsonAsync("/api/people", new
        {
            name = " ",
            idNumber = PeopleData.WrongCheckDigit(id),
            gender = "未知",
            phone = "电话号码",
            regionCode = "330702",
            homeVillageCode = "330782100",
            skills = new[] { "审计", "外语" },
            townshipYears = 60,
            works = new object[]
            {
                new { regionCode = "330799", unit = "某镇", from = "2022-05-01", to = "2021-01-01" },
                new { regionCode = "义乌市/佛堂镇", unit = "佛堂镇人民政府" },
            },
            relatives = new object[] { new { name = "", villageCode = "不存在的村" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        string Error(string field) => errors.GetProperty(field)[0].GetString()!;
        Assert.Equal("姓名不能为空。", Error("name"));
        Assert.StartsWith($"身份证号校验位不正确：{PeopleData.WrongCheckDigit(id)}（按前 17 位，最后一位应为 {id[17]}）", Error("idNumber"));
        Assert.Contains("性别应为「男」或「女」", Error("gender"));
        Assert.StartsWith("联系电话格式不正确", Error("phone"));
        Assert.Equal("所属县市区应为您数据范围（义乌市）内的市或县（市、区）：330702。", Error("regionCode"));
        Assert.Equal("户籍村社应为村（社区），「330782100」是乡镇（街道）。", Error("homeVillageCode"));
        Assert.Contains("「外语」不是可选的专长", Error("skills"));
        Assert.Equal("乡镇工作年限应为 0–50 的整数。", Error("townshipYears"));
        Assert.Equal("工作经历第 1 条区划找不到区划「330799」。", Error("works[0].regionCode"));
        Assert.Equal("工作经历第 1 条终止日期早于起始日期。", Error("works[0].to"));
        Assert.Equal("工作经历第 2 条起始日期不能为空。", Error("works[1].from"));
        Assert.Equal("近亲属第 1 条亲属姓名不能为空。", Error("relatives[0].name"));
        Assert.Equal("近亲属第 1 条村社找不到区划「不存在的村」。", Error("relatives[0].villageCode"));
        Assert.False(errors.TryGetProperty("works[1].regionCode", out _), "a township by name is a valid workplace");
    }

    [Fact]
    public async Task Create_Get_Update_Disable_Delete_AndDuplicatesRefused()
    {
        using var client = await app.ClientForAsync("yiwu");
        var id = PeopleData.NewId();
        var created = await client.PostAsJsonAsync("/api/people", Person(id, "测试甲",
            works: [new { regionCode = "330782100", unit = "佛堂镇人民政府", from = "2019-03-01", to = "2022-06-30" }],
            relatives: [new { name = "测试乙", relation = "兄弟", villageCode = "佛堂镇/大成社区", position = "村委会委员" }]));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var person = await created.JsonAsync();
        var personId = person.GetProperty("id").GetString();
        Assert.Equal("330782", person.GetProperty("regionCode").GetString());
        Assert.Equal("男", person.GetProperty("gender").GetString());
        Assert.Equal("义乌市 / 佛堂镇 / 大成社区居委会", person.GetProperty("homeVillageName").GetString());
        Assert.Equal("义乌市 / 佛堂镇", person.GetProperty("works")[0].GetProperty("regionName").GetString());
        Assert.Equal("330782100014", person.GetProperty("relatives")[0].GetProperty("villageCode").GetString());

        var again = await client.PostAsJsonAsync("/api/people", Person(id.ToLowerInvariant(), "测试丙"));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("身份证号已在人员库中：测试甲（义乌市人员库）。", (await again.JsonAsync()).GetProperty("errors").GetProperty("idNumber")[0].GetString());

        var updated = await client.PutAsJsonAsync($"/api/people/{personId}", new { name = "测试甲", idNumber = id, skills = new[] { "纪检", "老乡镇" }, townshipYears = 12 });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = await (await client.GetAsync($"/api/people/{personId}")).JsonAsync();
        Assert.Equal(["老乡镇", "纪检"], after.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(0, after.GetProperty("works").GetArrayLength());
        Assert.Equal(0, after.GetProperty("relatives").GetArrayLength());
        Assert.True(after.GetProperty("canLead").GetBoolean(), "an omitted flag is kept");

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/people/{personId}/availability", new { available = false })).StatusCode);
        var disabled = await (await client.GetAsync($"/api/people?q={id[..14]}&available=false")).JsonAsync();
        Assert.Equal(1, disabled.GetProperty("total").GetInt32());
        var bySkill = await (await client.GetAsync($"/api/people?q=测试甲&skill=老乡镇")).JsonAsync();
        Assert.Equal(1, bySkill.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/people?skill=外语")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/people/{personId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/people/{personId}")).StatusCode);
    }

    [Fact]
    public async Task Scope_CountyOfficeSeesOnlyItsCountysPool_CitySeesAll_OthersRefused()
    {
        await using var db = await app.DbAsync();
        var wuchengPerson = new Person { Id = Guid.NewGuid(), Name = "婺城人员", IdNumber = PeopleData.NewId("330702"), RegionCode = "330702", Skills = ["纪检"] };
        db.People.Add(wuchengPerson);
        await db.SaveChangesAsync();

        using var yiwu = await app.ClientForAsync("yiwu");
        var forbidden = await yiwu.GetAsync($"/api/people/{wuchengPerson.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("无权查看该人员：其所属人员库（婺城区）不在您的数据范围（义乌市）内。", (await forbidden.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await yiwu.PutAsJsonAsync($"/api/people/{wuchengPerson.Id}", Person(wuchengPerson.IdNumber!))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await yiwu.DeleteAsync($"/api/people/{wuchengPerson.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await yiwu.GetAsync("/api/people?region=330702")).StatusCode);
        var list = await (await yiwu.GetAsync("/api/people?pageSize=500")).JsonAsync();
        Assert.All(list.GetProperty("items").EnumerateArray(), p => Assert.Equal("330782", p.GetProperty("regionCode").GetString()));

        using var wucheng = await app.ClientForAsync("wucheng");
        Assert.Equal(HttpStatusCode.OK, (await wucheng.GetAsync($"/api/people/{wuchengPerson.Id}")).StatusCode);
        var own = await (await wucheng.GetAsync("/api/people?pageSize=500")).JsonAsync();
        Assert.Equal(await db.People.CountAsync(p => p.RegionCode.StartsWith("330702")), own.GetProperty("total").GetInt32());

        using var city = await app.ClientForAsync("city");
        var everyone = await (await city.GetAsync("/api/people?pageSize=1")).JsonAsync();
        Assert.Equal(await db.People.CountAsync(), everyone.GetProperty("total").GetInt32());
        var cityPool = await (await city.GetAsync("/api/people?region=3307&pageSize=500")).JsonAsync();
        Assert.All(cityPool.GetProperty("items").EnumerateArray(), p => Assert.Equal("金华市", p.GetProperty("regionName").GetString()));

        using var team = await app.ClientForAsync("team");
        var refused = await team.GetAsync("/api/people");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("无权查看巡察人员库", (await refused.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Delete_OfSomeoneOnATeam_IsRefusedWithTheTeamNamed()
    {
        await using var db = await app.DbAsync();
        var yiwuUser = await db.Users.SingleAsync(u => u.UserName == "yiwu");
        var person = new Person { Id = Guid.NewGuid(), Name = "组员甲", IdNumber = PeopleData.NewId(), RegionCode = "330782", Skills = ["组织"] };
        var round = new Round { Id = Guid.NewGuid(), Name = "2026 年第一轮巡察", RegionCode = "330782", CreatedById = yiwuUser.Id, StartDate = new DateOnly(2026, 3, 1), EndDate = new DateOnly(2026, 5, 31) };
        var team = new Team { Id = Guid.NewGuid(), RoundId = round.Id, Name = "第二巡察组" };
        db.People.Add(person);
        db.Rounds.Add(round);
        db.Teams.Add(team);
        db.TeamMembers.Add(new TeamMember { Id = Guid.NewGuid(), TeamId = team.Id, PersonId = person.Id });
        await db.SaveChangesAsync();

        using var client = await app.ClientForAsync("yiwu");
        var response = await client.DeleteAsync($"/api/people/{person.Id}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("「组员甲」已编入巡察组（2026 年第一轮巡察 · 第二巡察组），不能删除；可先从巡察组移出，或改为停用。",
            (await response.JsonAsync()).GetProperty("errors").GetProperty("id")[0].GetString());
        var detail = await (await client.GetAsync($"/api/people/{person.Id}")).JsonAsync();
        Assert.Equal("2026 年第一轮巡察 · 第二巡察组", detail.GetProperty("teams")[0].GetString());
    }

    [Fact]
    public async Task Import_WithBadRows_ListsEveryOne_AndWritesNothing()
    {
        await using var before = await app.DbAsync();
        var people = await before.People.CountAsync();
        var works = await before.PersonWorks.CountAsync();
        var good = PeopleData.NewId();
        var bad = PeopleData.NewId();
        var xlsx = PeopleData.Workbook(
            (PeopleWorkbook.PeopleSheet, PeopleWorkbook.PeopleColumns,
            [
                ["导入甲", good, "男", "义乌市财政局", "科员", "13900000001", "义乌市", "330782100014", "财政、审计", 0, "否", "是"],
                ["导入乙", PeopleData.WrongCheckDigit(bad), "", "义乌市纪委监委", "", "", "", "佛堂镇/大成社区", "纪检", "", "是", ""],
                ["", PeopleData.NewId(), "", "", "", "", "婺城区", "", "组织", "", "", ""],
                ["导入丁", 330782198001011234d, "", "", "", "", "", "", "老乡镇", "八年", "也许", ""],
                ["导入戊", good, "", "", "", "", "", "", "审计", "", "", ""],
            ]),
            (PeopleWorkbook.WorksSheet, PeopleWorkbook.WorkColumns,
            [
                [good, "佛堂镇人民政府", "义乌市/佛堂镇", "2019-03-01", "至今"],
                [PeopleData.NewId(), "某单位", "义乌市", "2020-01-01", ""],
                [good, "某单位", "义乌市", "2020-13-01", ""],
            ]),
            (PeopleWorkbook.RelativesSheet, PeopleWorkbook.RelativeColumns,
            [
                [good, "亲属甲", "兄弟", "", "火星村", "村委会主任"],
            ]));
        using var client = await app.ClientForAsync("yiwu");
        var response = await client.PostAsync("/api/people/import", PeopleData.Upload(xlsx, "义乌人员.xlsx"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("导入文件有误", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("importErrors").EnumerateArray()
            .Select(e => (Sheet: e.GetProperty("sheet").GetString(), Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString(), Text: e.GetProperty("text").GetString()!))
            .ToList();
        Assert.Contains(errors, e => e.Text == $"义乌人员.xlsx［人员］第 3 行「身份证号」校验位不正确：{PeopleData.WrongCheckDigit(bad)}（按前 17 位，最后一位应为 {bad[17]}）");
        Assert.Contains(errors, e => e is { Sheet: "人员", Row: 4, Column: "姓名" });
        Assert.Contains(errors, e => e is { Sheet: "人员", Row: 4, Column: "所属县市区" } && e.Text.Contains("义乌市"));
        Assert.Contains(errors, e => e is { Sheet: "人员", Row: 5, Column: "身份证号" } && e.Text.Contains("被 Excel 存成了数字"));
        Assert.Contains(errors, e => e is { Sheet: "人员", Row: 5, Column: "乡镇工作年限" } && e.Text.Contains("八年"));
        Assert.Contains(errors, e => e is { Sheet: "人员", Row: 5, Column: "可任组长" } && e.Text.Contains("也许"));
        Assert.Contains(errors, e => e is { Sheet: "人员", Row: 6, Column: "身份证号" } && e.Text.EndsWith("与第 2 行重复"));
        Assert.Contains(errors, e => e is { Sheet: "工作经历", Row: 3, Column: "身份证号" } && e.Text.Contains("不在「人员」工作表中"));
        Assert.Contains(errors, e => e is { Sheet: "工作经历", Row: 4, Column: "起始日期" } && e.Text.Contains("2020-13-01"));
        Assert.Contains(errors, e => e is { Sheet: "近亲属任村干部", Row: 2, Column: "村社" } && e.Text.Contains("火星村"));
        Assert.DoesNotContain(errors, e => e.Row == 2 && e.Sheet == "人员");
        Assert.Equal(10, errors.Count);
        Assert.Contains("未导入任何数据", problem.GetProperty("detail").GetString());

        await using var after = await app.DbAsync();
        Assert.Equal(people, await after.People.CountAsync());
        Assert.Equal(works, await after.PersonWorks.CountAsync());
    }

    [Fact]
    public async Task Import_UpdatesPeopleByIdNumber_AndReplacesTheirWorksAndRelatives()
    {
        using var client = await app.ClientForAsync("yiwu");
        var known = PeopleData.NewId();
        var created = await client.PostAsJsonAsync("/api/people", Person(known, "导入已有",
            works: [new { regionCode = "330782101", unit = "赤岸镇人民政府", from = "2010-01-01", to = "2015-12-31" }]));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var knownId = (await created.JsonAsync()).GetProperty("id").GetString();
        var fresh = PeopleData.NewId(male: false);
        var xlsx = PeopleData.Workbook(
            (PeopleWorkbook.PeopleSheet, PeopleWorkbook.PeopleColumns,
            [
                ["示例：王建国", PeopleWorkbook.ExampleIdNumber, "男", "", "", "", "义乌市", "", "审计", 0, "否", "是"],
                ["导入已有", known.ToLowerInvariant(), "", "义乌市财政局", "副科长", "", "330782", "佛堂镇/大成社区", "财政，老乡镇", 9.0, "", "否"],
                ["导入新人", fresh, "", "稠城街道办事处", "四级调研员", "", "", "", "老乡镇", "12年", "是", ""],
            ]),
            (PeopleWorkbook.WorksSheet, PeopleWorkbook.WorkColumns,
            [
                [PeopleWorkbook.ExampleIdNumber, "示例", "义乌市/佛堂镇", "2015-03-01", ""],
                [known, "佛堂镇人民政府", "义乌市/佛堂镇（330782100）", new DateTime(2021, 3, 1), "2023/6"],
                [fresh, "稠城街道办事处", "稠城街道", "2014.9", "至今"],
            ]),
            (PeopleWorkbook.RelativesSheet, PeopleWorkbook.RelativeColumns, []));
        var response = await client.PostAsync("/api/people/import", PeopleData.Upload(xlsx));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.JsonAsync();
        Assert.Equal((1, 1, 2, 0), (result.GetProperty("inserted").GetInt32(), result.GetProperty("updated").GetInt32(),
            result.GetProperty("works").GetInt32(), result.GetProperty("relatives").GetInt32()));

        var person = await (await client.GetAsync($"/api/people/{knownId}")).JsonAsync();
        Assert.Equal("义乌市财政局", person.GetProperty("unit").GetString());
        Assert.Equal(["老乡镇", "财政"], person.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(9, person.GetProperty("townshipYears").GetInt32());
        Assert.True(person.GetProperty("canLead").GetBoolean(), "an empty cell keeps the flag");
        Assert.False(person.GetProperty("available").GetBoolean());
        var work = Assert.Single(person.GetProperty("works").EnumerateArray());
        Assert.Equal(("330782100", "2021-03-01", "2023-06-01"), (work.GetProperty("regionCode").GetString(), work.GetProperty("from").GetString(), work.GetProperty("to").GetString()));
        Assert.Equal(0, person.GetProperty("relatives").GetArrayLength());

        await using var db = await app.DbAsync();
        var added = await db.People.Include(p => p.Works).SingleAsync(p => p.IdNumber == fresh);
        Assert.Equal(("女", "330782", 12, true), (added.Gender, added.RegionCode, added.TownshipYears, added.CanLead));
        Assert.Equal("330782001", Assert.Single(added.Works).RegionCode);
        Assert.False(await db.People.AnyAsync(p => p.IdNumber == PeopleWorkbook.ExampleIdNumber), "the example row is not imported");
    }

    [Fact]
    public async Task Import_OfSomeoneInAnotherCountysPool_IsRefused()
    {
        await using var db = await app.DbAsync();
        var id = PeopleData.NewId("330702");
        db.People.Add(new Person { Id = Guid.NewGuid(), Name = "婺城某人", IdNumber = id, RegionCode = "330702", Skills = ["纪检"] });
        await db.SaveChangesAsync();
        using var client = await app.ClientForAsync("yiwu");
        var xlsx = PeopleData.Workbook((PeopleWorkbook.PeopleSheet, PeopleWorkbook.PeopleColumns, [["婺城某人", id, "", "", "", "", "", "", "纪检", "", "", ""]]));
        var response = await client.PostAsync("/api/people/import", PeopleData.Upload(xlsx));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.JsonAsync()).GetProperty("importErrors")[0];
        Assert.Equal(2, error.GetProperty("row").GetInt32());
        Assert.Contains("不在您的数据范围（义乌市）内", error.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Import_OfTheUnchangedTemplate_OrOfAnotherFile_SaysWhy()
    {
        using var client = await app.ClientForAsync("yiwu");
        var template = await client.GetAsync("/api/people/template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var bytes = await template.Content.ReadAsByteArrayAsync();
        var sheets = PeopleData.Read(bytes);
        Assert.Equal(["人员", "工作经历", "近亲属任村干部", "填写说明"], sheets.Keys);
        Assert.Equal(PeopleWorkbook.PeopleColumns, sheets["人员"][0].Keys);
        Assert.StartsWith("示例", sheets["人员"][0]["姓名"]!.ToString());
        Assert.Contains(sheets["填写说明"], r => r["列"]?.ToString() == "专长" && r["说明"]!.ToString()!.Contains("农业农村"));

        var empty = await (await client.PostAsync("/api/people/import", PeopleData.Upload(bytes, "模板.xlsx"))).JsonAsync();
        Assert.Equal("模板.xlsx［人员］：没有可导入的数据行", empty.GetProperty("importErrors")[0].GetProperty("text").GetString());

        var csv = await client.PostAsync("/api/people/import", PeopleData.Upload("姓名,身份证号\n"u8.ToArray(), "人员.csv"));
        Assert.Contains("只能导入 .xlsx", (await csv.JsonAsync()).GetProperty("importErrors")[0].GetProperty("reason").GetString());
        var junk = await client.PostAsync("/api/people/import", PeopleData.Upload([1, 2, 3, 4], "人员.xlsx"));
        Assert.Contains("无法读取该文件", (await junk.JsonAsync()).GetProperty("importErrors")[0].GetProperty("reason").GetString());
        var missing = PeopleData.Workbook(("人员", ["姓名", "身份证号"], [["某人", PeopleData.NewId()]]));
        var columns = await (await client.PostAsync("/api/people/import", PeopleData.Upload(missing))).JsonAsync();
        Assert.Contains(columns.GetProperty("importErrors").EnumerateArray(), e => e.GetProperty("reason").GetString() == "缺少列「专长」；请使用下载的模板填写");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/people/import", new MultipartFormDataContent())).StatusCode);
    }

    [Fact]
    public async Task Export_IsTheFilteredPoolInTheImportLayout_WithFormulasNeutralised()
    {
        using var client = await app.ClientForAsync("yiwu");
        var id = PeopleData.NewId();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/people", Person(id, "导出测试", unit: "=HYPERLINK(\"http://x\")",
            skills: ["法律"], relatives: [new { name = "亲属", relation = "配偶", villageCode = "330782100014", position = "+村委会委员" }]))).StatusCode);

        var response = await client.GetAsync("/api/people/export?skill=法律");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PeopleWorkbook.ContentType, response.Content.Headers.ContentType?.MediaType);
        var sheets = PeopleData.Read(await response.Content.ReadAsByteArrayAsync());
        var listed = await (await client.GetAsync("/api/people?skill=法律&pageSize=500")).JsonAsync();
        Assert.Equal(listed.GetProperty("total").GetInt32(), sheets["人员"].Count);
        Assert.All(sheets["人员"], r => Assert.Contains("法律", r["专长"]!.ToString()));
        Assert.All(sheets["人员"], r => Assert.Equal("义乌市", r["所属县市区"]));
        var row = sheets["人员"].Single(r => r["身份证号"]?.ToString() == id);
        Assert.Equal("'=HYPERLINK(\"http://x\")", row["工作单位"]);
        Assert.Equal("佛堂镇/大成社区居委会（330782100014）", row["户籍村社"]?.ToString()?.Replace("义乌市/", ""));
        Assert.Equal("'+村委会委员", sheets["近亲属任村干部"].Single(r => r["身份证号"]?.ToString() == id)["职务"]);

        // What was exported imports again unchanged.
        var reimport = await client.PostAsync("/api/people/import", PeopleData.Upload(await (await client.GetAsync("/api/people/export?skill=法律")).Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.OK, reimport.StatusCode);
        var result = await reimport.JsonAsync();
        Assert.Equal((0, sheets["人员"].Count), (result.GetProperty("inserted").GetInt32(), result.GetProperty("updated").GetInt32()));
        var after = await (await client.GetAsync($"/api/people?q={id}")).JsonAsync();
        Assert.Equal("=HYPERLINK(\"http://x\")", after.GetProperty("items")[0].GetProperty("unit").GetString());
    }

    [Fact]
    public async Task Experts_CreateValidateScopeImportAndExport()
    {
        using var yiwu = await app.ClientForAsync("yiwu");
        var bad = await yiwu.PostAsJsonAsync("/api/experts", new { name = "专家甲", field = "外语", regionCode = "3307" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.Contains("「外语」不是可选的专业领域", errors.GetProperty("field")[0].GetString());
        Assert.Contains("义乌市", errors.GetProperty("regionCode")[0].GetString());

        var created = await yiwu.PostAsJsonAsync("/api/experts", new { name = "专家甲", field = "工程造价", unit = "义乌市某造价咨询公司", title = "造价工程师" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var expertId = (await created.JsonAsync()).GetProperty("id").GetString();

        using var wucheng = await app.ClientForAsync("wucheng");
        Assert.Equal(HttpStatusCode.Forbidden, (await wucheng.GetAsync($"/api/experts/{expertId}")).StatusCode);
        Assert.Equal(0, (await (await wucheng.GetAsync("/api/experts?q=专家甲")).JsonAsync()).GetProperty("total").GetInt32());
        using var expert = await app.ClientForAsync("expert");
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync("/api/experts")).StatusCode);

        var xlsx = PeopleData.Workbook((PeopleWorkbook.ExpertsSheet, PeopleWorkbook.ExpertColumns,
        [
            ["专家甲", "工程造价", "义乌市某造价咨询公司", "高级造价工程师", "", "", "", "", "是"],
            ["专家乙", "规划建设", "", "", "", PeopleData.NewId(), "义乌市", "", ""],
        ]));
        var imported = await yiwu.PostAsync("/api/experts/import", PeopleData.Upload(xlsx, "专家.xlsx"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var result = await imported.JsonAsync();
        Assert.Equal((1, 1), (result.GetProperty("inserted").GetInt32(), result.GetProperty("updated").GetInt32()));
        Assert.Equal("高级造价工程师", (await (await yiwu.GetAsync($"/api/experts/{expertId}")).JsonAsync()).GetProperty("title").GetString());

        var badRows = PeopleData.Workbook((PeopleWorkbook.ExpertsSheet, PeopleWorkbook.ExpertColumns, [["", "心理", "", "", "", "", "", "", ""]]));
        var refused = await (await yiwu.PostAsync("/api/experts/import", PeopleData.Upload(badRows, "专家.xlsx"))).JsonAsync();
        var texts = refused.GetProperty("importErrors").EnumerateArray().Select(e => e.GetProperty("text").GetString()).ToList();
        Assert.Equal(["专家.xlsx［专家］第 2 行「姓名」不能为空", $"专家.xlsx［专家］第 2 行「专业领域」「心理」不是可选的专业领域；可选：{string.Join("、", ExpertFields.All)}"], texts);

        var export = PeopleData.Read(await (await yiwu.GetAsync("/api/experts/export?field=工程造价")).Content.ReadAsByteArrayAsync());
        Assert.Contains(export["专家"], r => r["姓名"]?.ToString() == "专家甲" && r["职称职务"]?.ToString() == "高级造价工程师");
        Assert.All(export["专家"], r => Assert.Equal("工程造价", r["专业领域"]));

        Assert.Equal(HttpStatusCode.NoContent, (await yiwu.PostAsJsonAsync($"/api/experts/{expertId}/availability", new { available = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await yiwu.DeleteAsync($"/api/experts/{expertId}")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class SqlitePeopleApiTests(SqliteAppFixture fixture) : PeopleApiTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresPeopleApiTests(PostgresAppFixture fixture) : PeopleApiTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;
