using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.People;

/// <summary>The filtered pool as a workbook in the import layout (people with their works and relatives; experts).</summary>
public sealed class ExportPeopleHandler(IDbContextFactory<XunchaDbContext> dbFactory, ListPeopleHandler people, ListExpertsHandler experts)
{
    public async Task<byte[]> People(ListPeople query, UserScope user, CancellationToken ct = default)
    {
        var rows = await people.AllAsync(query with { Page = null, PageSize = null }, user, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return PeopleWorkbook.People(rows, await RegionDirectory.LoadAsync(db, ct));
    }

    public async Task<byte[]> Experts(ListExperts query, UserScope user, CancellationToken ct = default)
    {
        var rows = await experts.AllAsync(query with { Page = null, PageSize = null }, user, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return PeopleWorkbook.Experts(rows, await RegionDirectory.LoadAsync(db, ct));
    }
}
