using Microsoft.AspNetCore.Mvc;
using Xuncha.Core.Features.People;
using Xuncha.Core.Security;
using Xuncha.Web.Auth;

namespace Xuncha.Web.Endpoints;

/// <summary>巡察人员库 and 专家库: lists, records, templates, imports and exports (offices and administrators, within their scope).</summary>
internal static class PeopleEndpoints
{
    public static void MapPeopleEndpoints(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("人员库");
        people.MapGet("/", (Caller c, ListPeopleHandler h, CancellationToken ct, [AsParameters] PeopleQuery q) => h.Handle(q.ToQuery(), c.Scope, ct))
            .WithSummary("巡察人员库（限数据范围）：按姓名或身份证号、专长、所属县市区、状态筛选");
        people.MapPost("/", async (PersonInput body, Caller c, SavePersonHandler h, CancellationToken ct) =>
            {
                var created = await h.Create(body, c.Scope, ct);
                return Results.Created($"/api/people/{created.Id}", created);
            })
            .WithSummary("新增人员（含工作经历、近亲属任村干部）");
        people.MapGet("/template", (Caller c) =>
            {
                c.Scope.EnsureManager(PeopleTexts.ManagePeople);
                return Results.File(PeopleWorkbook.PeopleTemplate(), PeopleWorkbook.ContentType, "人员库导入模板.xlsx");
            })
            .WithSummary("下载人员库导入模板（Excel）");
        people.MapPost("/import", async (HttpRequest request, Caller c, ImportPeopleHandler h, CancellationToken ct) =>
            {
                c.Scope.EnsureManager(PeopleTexts.ManagePeople);
                var file = await UploadAsync(request, ct);
                await using var content = file.OpenReadStream();
                return Outcome(await h.Handle(new ImportWorkbook(content, file.FileName), c.Scope, ct));
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(PeopleWorkbook.MaxUploadBytes + (1 << 20)))
            .WithSummary("导入人员库 Excel（全部成功或全部不导入；按身份证号更新已有人员）");
        people.MapGet("/export", async (Caller c, ExportPeopleHandler h, CancellationToken ct, [AsParameters] PeopleQuery q) =>
                Results.File(await h.People(q.ToQuery(), c.Scope, ct), PeopleWorkbook.ContentType, $"人员库-{DateTime.Now:yyyyMMdd}.xlsx"))
            .WithSummary("导出人员库（Excel，与导入模板同格式）");
        people.MapGet("/{id:guid}", (Guid id, Caller c, GetPersonHandler h, CancellationToken ct) => h.Handle(new GetPerson(id), c.Scope, ct))
            .WithSummary("人员详情：工作经历、近亲属任村干部、所在巡察组");
        people.MapPut("/{id:guid}", (Guid id, PersonInput body, Caller c, SavePersonHandler h, CancellationToken ct) => h.Update(id, body, c.Scope, ct))
            .WithSummary("修改人员（工作经历、近亲属以提交的为准）");
        people.MapDelete("/{id:guid}", async (Guid id, Caller c, DeletePersonHandler h, CancellationToken ct) =>
            {
                await h.Handle(new DeletePerson(id), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("删除人员（已编入巡察组的不能删除）");
        people.MapPut("/{id:guid}/account", async (Guid id, AccountBody body, Caller c, LinkPersonAccountHandler h, CancellationToken ct) =>
                Results.Ok(new { userName = await h.Handle(new LinkPersonAccount(id, body.UserName), c.Scope, ct) }))
            .WithSummary("关联或解除登录账号（巡察组成员只看本组巡察轮次）");
        people.MapPost("/{id:guid}/availability", async (Guid id, AvailabilityBody body, Caller c, SetPersonAvailabilityHandler h, CancellationToken ct) =>
            {
                await h.Handle(new SetPersonAvailability(id, body.Available), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("启用或停用人员（{\"available\": false} 停用）");

        var experts = api.MapGroup("/experts").WithTags("专家库");
        experts.MapGet("/", (Caller c, ListExpertsHandler h, CancellationToken ct, [AsParameters] ExpertQuery q) => h.Handle(q.ToQuery(), c.Scope, ct))
            .WithSummary("专家库（智囊团，限数据范围）");
        experts.MapPost("/", async (ExpertInput body, Caller c, SaveExpertHandler h, CancellationToken ct) =>
            {
                var created = await h.Create(body, c.Scope, ct);
                return Results.Created($"/api/experts/{created.Id}", created);
            })
            .WithSummary("新增专家");
        experts.MapGet("/template", (Caller c) =>
            {
                c.Scope.EnsureManager(PeopleTexts.ManageExperts);
                return Results.File(PeopleWorkbook.ExpertTemplate(), PeopleWorkbook.ContentType, "专家库导入模板.xlsx");
            })
            .WithSummary("下载专家库导入模板（Excel）");
        experts.MapPost("/import", async (HttpRequest request, Caller c, ImportExpertsHandler h, CancellationToken ct) =>
            {
                c.Scope.EnsureManager(PeopleTexts.ManageExperts);
                var file = await UploadAsync(request, ct);
                await using var content = file.OpenReadStream();
                return Outcome(await h.Handle(new ImportWorkbook(content, file.FileName), c.Scope, ct));
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(PeopleWorkbook.MaxUploadBytes + (1 << 20)))
            .WithSummary("导入专家库 Excel（全部成功或全部不导入）");
        experts.MapGet("/export", async (Caller c, ExportPeopleHandler h, CancellationToken ct, [AsParameters] ExpertQuery q) =>
                Results.File(await h.Experts(q.ToQuery(), c.Scope, ct), PeopleWorkbook.ContentType, $"专家库-{DateTime.Now:yyyyMMdd}.xlsx"))
            .WithSummary("导出专家库（Excel，与导入模板同格式）");
        experts.MapGet("/{id:guid}", (Guid id, Caller c, GetExpertHandler h, CancellationToken ct) => h.Handle(new GetExpert(id), c.Scope, ct))
            .WithSummary("专家详情");
        experts.MapPut("/{id:guid}", (Guid id, ExpertInput body, Caller c, SaveExpertHandler h, CancellationToken ct) => h.Update(id, body, c.Scope, ct))
            .WithSummary("修改专家");
        experts.MapDelete("/{id:guid}", async (Guid id, Caller c, DeleteExpertHandler h, CancellationToken ct) =>
            {
                await h.Handle(new DeleteExpert(id), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("删除专家（已受邀参加巡察的不能删除）");
        experts.MapPost("/{id:guid}/availability", async (Guid id, AvailabilityBody body, Caller c, SetExpertAvailabilityHandler h, CancellationToken ct) =>
            {
                await h.Handle(new SetExpertAvailability(id, body.Available), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("启用或停用专家");
    }

    private static async Task<IFormFile> UploadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            throw new ValidationException("file", PeopleTexts.ImportFileRequired);
        }

        try
        {
            var form = await request.ReadFormAsync(ct);
            return form.Files.Count == 0 ? throw new ValidationException("file", PeopleTexts.ImportFileRequired) : form.Files[0];
        }
        catch (InvalidDataException)
        {
            // A malformed multipart body (no parts, a broken boundary) is the caller's error, not ours.
            throw new ValidationException("file", PeopleTexts.ImportFileRequired);
        }
    }

    private static IResult Outcome(ImportResult result) => result.Succeeded
        ? Results.Ok(result)
        : Results.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "导入文件有误",
            Detail = result.Message,
            Extensions = { ["importErrors"] = result.Errors },
        });

    public sealed record AvailabilityBody(bool Available);

    public sealed record PeopleQuery(string? Q, string? Skill, string? Region, bool? Available, bool? CanLead, int? Page, int? PageSize)
    {
        public ListPeople ToQuery() => new(Q, Skill, Region, Available, CanLead, Page, PageSize);
    }

    public sealed record ExpertQuery(string? Q, string? Field, string? Region, bool? Available, int? Page, int? PageSize)
    {
        public ListExperts ToQuery() => new(Q, Field, Region, Available, Page, PageSize);
    }

    public sealed record AccountBody(string? UserName);
}
