using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Xuncha.Core.Domain.Audit;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.Audit;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security.Protection;
using Xuncha.IntegrationTests.Cli;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Security;

/// <summary>
/// The hash-chained audit log: every change, sign-in, protected view and export leaves one entry
/// with its user; a failed save leaves none; an edited, deleted or re-hashed entry is found by the
/// API and by `xuncha audit verify`; parallel writers never fork the chain.
/// </summary>
public abstract class AuditTestsBase(XunchaAppFactory app)
{
    private async Task<long> LastIdAsync()
    {
        await using var db = await app.DbAsync();
        return await db.AuditEvents.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    private async Task<List<AuditEvent>> EntriesAfterAsync(long id)
    {
        await using var db = await app.DbAsync();
        return await db.AuditEvents.AsNoTracking().Where(a => a.Id > id).OrderBy(a => a.Id).ToListAsync();
    }

    private async Task<string> VillageAsync()
    {
        await using var db = await app.DbAsync();
        return await db.Regions.Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith("330782")).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync();
    }

    private static Finding NewFinding(string village, string title) =>
        new() { Id = Guid.NewGuid(), VillageCode = village, Title = title, Source = "review", CreatedById = "audit-test", CreatedAt = DateTimeOffset.UtcNow };

    private async Task<AuditVerification> VerifyAsync(string? anchor = null)
    {
        using var admin = await app.ClientForAsync("admin");
        var response = await admin.GetAsync(anchor is null ? "/api/audit/verify" : $"/api/audit/verify?anchor={Uri.EscapeDataString(anchor)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AuditVerification>(HttpExtensions.Json))!;
    }

    [Fact]
    public async Task Change_ThroughTheApi_IsRecordedWithItsUser_InChinese_AndSecretsOnlyByLabel()
    {
        var before = await LastIdAsync();
        var finding = NewFinding(await VillageAsync(), "审计原标题");
        await using (var db = await app.DbAsync())
        {
            db.Findings.Add(finding);
            await db.SaveChangesAsync();
        }

        using var yiwu = await app.ClientForAsync("yiwu");
        var put = await yiwu.PutAsJsonAsync($"/api/findings/{finding.Id}", new { title = "审计修改后", categoryL1 = "基层党组织建设", categoryL2 = "党建基础" });
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var token = await yiwu.PostAsJsonAsync("/api/tokens", new { name = "审计令牌", validDays = 1 });
        Assert.Equal(HttpStatusCode.Created, token.StatusCode);
        var secret = (await token.JsonAsync()).GetProperty("token").GetString()!;

        var entries = await EntriesAfterAsync(before);
        var created = Assert.Single(entries, e => e.EntityId == finding.Id.ToString() && e.Action == AuditActions.Create);
        Assert.Equal("system", created.UserName);
        Assert.Equal("问题", created.Entity);
        Assert.Contains("标题=审计原标题", created.Detail);
        Assert.Contains($"村（社区）代码={finding.VillageCode}", created.Detail);
        Assert.DoesNotContain("Title", created.Detail);
        var updated = Assert.Single(entries, e => e.EntityId == finding.Id.ToString() && e.Action == AuditActions.Update);
        Assert.Equal("yiwu", updated.UserName);
        Assert.Equal("问题", updated.Entity);
        Assert.Contains("标题=审计修改后", updated.Detail);
        Assert.Contains("一级分类=基层党组织建设；二级分类=党建基础", updated.Detail);
        Assert.DoesNotContain("审计原标题", updated.Detail);
        var issued = Assert.Single(entries, e => e.Entity == "API 令牌" && e.Action == AuditActions.Create && e.Detail.Contains("令牌名称=审计令牌"));
        Assert.Equal("yiwu", issued.UserName);
        Assert.Contains("令牌摘要", issued.Detail);
        Assert.DoesNotContain("令牌摘要=", issued.Detail);
        Assert.DoesNotContain(secret, string.Join("\n", entries.Select(e => e.Detail)));

        var cli = await CliRunner.RunAsync(app.Database.Settings(), "audit", "list", "--last", "50", "--data-dir", app.Database.DataDir);
        Assert.True(cli.ExitCode == 0, cli.Err + cli.Out);
        var line = Assert.Single(cli.Out.Split('\n'), l => l.Contains($"问题 {finding.Id}") && l.Contains("修改"));
        Assert.Contains("标题=审计修改后", line);
    }

    [Fact]
    public async Task FailedSave_AndRolledBackTransaction_LeaveNoEntry()
    {
        var village = await VillageAsync();
        var failed = NewFinding(village, "审计失败保存");
        await using (var db = await app.DbAsync())
        {
            db.Findings.Add(failed);
            db.Regions.Add(new Region { Code = "3307", Name = "重复的市", Level = RegionLevel.City });
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        var rolledBack = NewFinding(village, "审计回滚");
        await using (var db = await app.DbAsync())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Findings.Add(rolledBack);
            await db.SaveChangesAsync();
            Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityId == rolledBack.Id.ToString()), "the entry is written inside the transaction");
            await tx.RollbackAsync();
        }

        await using (var db = await app.DbAsync())
        {
            var ids = new[] { failed.Id.ToString(), rolledBack.Id.ToString() };
            Assert.False(await db.AuditEvents.AnyAsync(e => ids.Contains(e.EntityId)));
            Assert.False(await db.Findings.AnyAsync(f => f.Id == failed.Id || f.Id == rolledBack.Id));
        }

        Assert.True((await VerifyAsync()).Ok);
    }

    [Fact]
    public async Task DemoSeed_IsChained_WithBulkAddsAndRosterReplacementsAsOneEntryEach()
    {
        await using var db = await app.DbAsync();
        var region = AuditLabels.Entity(nameof(Region));
        Assert.Equal("行政区划", region);
        var regions = await db.AuditEvents.Where(e => e.Entity == region && e.Action == AuditActions.Create).ToListAsync();
        Assert.Equal($"{await db.Regions.CountAsync()} 条", Assert.Single(regions).EntityId);
        foreach (var table in new[] { "村干部", "村干部近亲属", "信访举报" })
        {
            var replaced = await db.AuditEvents.Where(e => e.Entity == table && e.Action == AuditActions.Delete).ToListAsync();
            Assert.Contains(replaced, e => e.UserName == "system" && e.Detail.StartsWith("重新导入名册", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task SignInsFailuresAndSignOut_AreRecordedWithTheNameTried()
    {
        var before = await LastIdAsync();
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await browser.PostLoginAsync("wucheng", "Wrong-password1");
        await browser.PostLoginAsync("no.such.user", "Whatever1");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostLoginAsync("guide", DemoSeeder.Password)).StatusCode);
        var token = HttpExtensions.AntiforgeryToken(await browser.GetStringAsync("/"));
        await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        var entries = await EntriesAfterAsync(before);
        Assert.Contains(entries, e => e is { Action: AuditActions.SignInFailed, UserName: "wucheng", Detail: "密码错误" });
        Assert.Contains(entries, e => e is { Action: AuditActions.SignInFailed, UserName: "no.such.user", Detail: "用户名不存在" });
        Assert.Contains(entries, e => e is { Action: AuditActions.SignIn, UserName: "guide", Entity: "用户" });
        Assert.Contains(entries, e => e is { Action: AuditActions.SignOut, UserName: "guide", Entity: "用户" });
        Assert.DoesNotContain(entries, e => e.Detail.Contains("Wrong-password1") || e.Detail.Contains(DemoSeeder.Password));
    }

    [Fact]
    public async Task ProtectedView_IsRecorded_AndTheProtectedValuesNeverAre_OnlyTheLabels()
    {
        var before = await LastIdAsync();
        var cipher = app.Services.GetRequiredService<ProtectedDataCipher>();
        var petition = new Petition
        {
            Id = Guid.NewGuid(), VillageCode = await VillageAsync(), PetitionNo = "AU-" + Guid.NewGuid().ToString("N")[..8], ReceivedDate = new DateOnly(2025, 5, 1),
            Category = "财务", Summary = "反映集体资产出租收入未公开", Status = "办理中",
            ReporterNameProtected = cipher.Protect("钮审计"), ReporterPhoneProtected = cipher.Protect("13712345678"),
        };
        await using (var db = await app.DbAsync())
        {
            db.Petitions.Add(petition);
            await db.SaveChangesAsync();
        }

        await using (var db = await app.DbAsync())
        {
            var stored = await db.Petitions.SingleAsync(p => p.Id == petition.Id);
            stored.Summary = "反映集体资产出租收入去向不明";
            stored.Status = "已办结";
            await db.SaveChangesAsync();
        }

        using var city = await app.ClientForAsync("city");
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/api/petitions/{petition.Id}")).StatusCode);

        var entries = await EntriesAfterAsync(before);
        var view = Assert.Single(entries, e => e.Action == AuditActions.ViewProtected);
        Assert.Equal(("city", "信访举报人信息", petition.Id.ToString()), (view.UserName, view.Entity, view.EntityId));
        var created = Assert.Single(entries, e => e.Action == AuditActions.Create && e.EntityId == petition.Id.ToString());
        Assert.Equal("信访举报", created.Entity);
        Assert.Contains("反映人姓名", created.Detail);
        Assert.Contains("反映人电话", created.Detail);
        Assert.DoesNotContain("=", created.Detail);
        Assert.DoesNotContain("Reporter", created.Detail);
        var changed = Assert.Single(entries, e => e.Action == AuditActions.Update && e.EntityId == petition.Id.ToString());
        Assert.Equal(("信访举报", "办理状态；摘要"), (changed.Entity, changed.Detail));
        Assert.DoesNotContain(entries, e => e.Detail.Contains("钮审计") || e.Detail.Contains("13712345678") || e.Detail.Contains(petition.ReporterNameProtected!)
            || e.Detail.Contains("集体资产") || e.Detail.Contains("已办结"));
    }

    [Fact]
    public async Task Export_IsRecordedWithWhatAndTheFilters()
    {
        var before = await LastIdAsync();
        using var city = await app.ClientForAsync("city");
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync("/api/findings/export?categoryL1=财务&source=review")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync("/api/leads/export")).StatusCode);

        var entries = (await EntriesAfterAsync(before)).Where(e => e.Action == AuditActions.Export).ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(("city", "导出文件"), (e.UserName, e.Entity)));
        Assert.Equal("问题台账.xlsx", entries[0].EntityId);
        Assert.Equal("/api/findings/export?categoryL1=财务&source=review", entries[0].Detail);
        Assert.StartsWith("疑似问题-", entries[1].EntityId);
    }

    [Fact]
    public async Task List_ForAdmin_FiltersByUserActionAndDate_NewestFirst()
    {
        using (var yiwu = await app.ClientForAsync("yiwu"))
        {
            await yiwu.GetAsync("/api/findings/export");
        }

        using var admin = await app.ClientForAsync("admin");
        var page = await (await admin.GetAsync("/api/audit?user=yiwu&action=export&pageSize=50")).JsonAsync();
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal(("yiwu", "export", "导出下载", "导出文件"),
            (i.GetProperty("userName").GetString(), i.GetProperty("action").GetString(), i.GetProperty("actionName").GetString(), i.GetProperty("entity").GetString())));
        var ids = items.Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        var todays = await (await admin.GetAsync($"/api/audit?from={today}&to={today}&pageSize=1")).JsonAsync();
        Assert.True(todays.GetProperty("total").GetInt32() > 0);
        var none = await (await admin.GetAsync("/api/audit?from=2000-01-01&to=2000-01-31")).JsonAsync();
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        var bad = await admin.GetAsync("/api/audit?from=2026-02-01&to=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("开始日期不能晚于结束日期", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Verify_FindsEditedDeletedAndRehashedEntries_InTheApiAndTheCli()
    {
        var ok = await VerifyAsync();
        Assert.True(ok.Ok, ok.Message);
        Assert.True(ok.Count > 100);
        var cli = await CliRunner.RunAsync(app.Database.Settings(), "audit", "verify", "--data-dir", app.Database.DataDir);
        Assert.True(cli.ExitCode == 0, cli.Err + cli.Out);
        Assert.Contains("校验通过", cli.Out);

        await using var db = await app.DbAsync();
        var middle = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).Skip(10).FirstAsync();
        var next = middle.Id + 1;

        await db.Database.ExecuteSqlRawAsync("UPDATE audit_events SET \"Detail\" = 'edited' WHERE \"Id\" = {0}", middle.Id);
        var edited = await VerifyAsync();
        Assert.Equal((false, middle.Id), (edited.Ok, edited.BrokenId));
        Assert.Contains("被改动", edited.Message);
        cli = await CliRunner.RunAsync(app.Database.Settings(), "audit", "verify", "--data-dir", app.Database.DataDir);
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains($"第 {middle.Id} 条异常", cli.Err);
        await db.Database.ExecuteSqlRawAsync("UPDATE audit_events SET \"Detail\" = {0} WHERE \"Id\" = {1}", middle.Detail, middle.Id);
        Assert.True((await VerifyAsync()).Ok);

        await db.Database.ExecuteSqlRawAsync("UPDATE audit_events SET \"Hash\" = {0} WHERE \"Id\" = {1}", new string('0', 64), middle.Id);
        Assert.Equal(middle.Id, (await VerifyAsync()).BrokenId);
        await db.Database.ExecuteSqlRawAsync("UPDATE audit_events SET \"Hash\" = {0} WHERE \"Id\" = {1}", middle.Hash, middle.Id);

        await db.Database.ExecuteSqlRawAsync("DELETE FROM audit_events WHERE \"Id\" = {0}", middle.Id);
        var deleted = await VerifyAsync();
        Assert.Equal((false, next), (deleted.Ok, deleted.BrokenId));
        Assert.Contains($"编号 {middle.Id} 的条目缺失", deleted.Message);
        object at = db.Database.IsSqlite() ? new DateTimeOffsetToBinaryConverter().ConvertToProvider(middle.At)! : middle.At;
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO audit_events (\"Id\", \"At\", \"UserId\", \"UserName\", \"Action\", \"Entity\", \"EntityId\", \"Detail\", \"PrevHash\", \"Hash\") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9})",
            middle.Id, at, middle.UserId, middle.UserName, middle.Action, middle.Entity, middle.EntityId, middle.Detail, middle.PrevHash, middle.Hash);
        Assert.True((await VerifyAsync()).Ok);
    }

    [Fact]
    public async Task EntriesCutOffTheEnd_AreFoundAgainstTheAnchorSavedFromAnEarlierVerification()
    {
        using var admin = await app.ClientForAsync("admin");
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/tokens", new { name = $"锚点前{i}", validDays = 1 })).StatusCode);
        }

        var first = await VerifyAsync();
        Assert.True(first.Ok, first.Message);
        Assert.Matches("^[0-9]+:[0-9a-f]{64}$", first.Anchor);
        var saved = first.Anchor!;
        var headId = long.Parse(saved.Split(':')[0]);
        var cli = await CliRunner.RunAsync(app.Database.Settings(), "audit", "verify", "--anchor", saved, "--data-dir", app.Database.DataDir);
        Assert.True(cli.ExitCode == 0, cli.Err);
        Assert.Contains($"已保存的锚点第 {headId} 条仍在", cli.Out);
        Assert.Contains("--anchor", cli.Out);

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/tokens", new { name = "锚点后", validDays = 1 })).StatusCode);
        await using (var db = await app.DbAsync())
        {
            // Cut the newest entries off: what is left is a shorter but unbroken chain.
            await db.Database.ExecuteSqlRawAsync("DELETE FROM audit_events WHERE \"Id\" >= {0}", headId - 1);
        }

        Assert.True((await VerifyAsync()).Ok, "the chain alone cannot see entries cut off its end");
        var truncated = await VerifyAsync(saved);
        Assert.False(truncated.Ok);
        Assert.Contains($"已保存的锚点第 {headId} 条不存在", truncated.Message);
        Assert.Contains("日志末尾的条目被删除", truncated.Message);
        cli = await CliRunner.RunAsync(app.Database.Settings(), "audit", "verify", "--anchor", saved, "--data-dir", app.Database.DataDir);
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("日志末尾的条目被删除", cli.Err);

        var now = (await VerifyAsync()).Anchor!;
        var wrong = $"{now.Split(':')[0]}:{new string('0', 64)}";
        var rewritten = await VerifyAsync(wrong);
        Assert.False(rewritten.Ok);
        Assert.Contains("与已保存的锚点不符", rewritten.Message);

        var bad = await admin.GetAsync("/api/audit/verify?anchor=abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("编号:哈希", await bad.Content.ReadAsStringAsync());
        cli = await CliRunner.RunAsync(app.Database.Settings(), "audit", "verify", "--anchor", "abc", "--data-dir", app.Database.DataDir);
        Assert.Equal(2, cli.ExitCode);
        Assert.Contains("编号:哈希", cli.Err);
    }

    [Fact]
    public async Task ParallelWriters_KeepOneUnbrokenChain()
    {
        var before = await LastIdAsync();
        var village = await VillageAsync();
        using var admin = await app.ClientForAsync("admin");
        var requests = Enumerable.Range(0, 20).Select(i => admin.PostAsJsonAsync("/api/tokens", new { name = $"并发{i}", validDays = 1 }));
        var saves = Enumerable.Range(0, 20).Select(async i =>
        {
            await using var db = await app.DbAsync();
            db.Findings.Add(NewFinding(village, $"并发问题{i}"));
            await db.SaveChangesAsync();
        });
        var responses = await Task.WhenAll(requests);
        await Task.WhenAll(saves);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        var entries = await EntriesAfterAsync(before);
        Assert.True(entries.Count >= 40);
        Assert.Equal(Enumerable.Range(0, entries.Count).Select(i => before + 1 + i), entries.Select(e => e.Id));
        Assert.True((await VerifyAsync()).Ok);
    }
}

[Collection("sqlite")]
public sealed class SqliteAuditTests(SqliteAppFixture fixture) : AuditTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresAuditTests(PostgresAppFixture fixture) : AuditTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;
