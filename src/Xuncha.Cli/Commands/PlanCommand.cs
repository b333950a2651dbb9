using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Features.Planning;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Cli.Commands;

/// <summary><c>xuncha plan rank --year Y --top N --out ranking.xlsx</c>: the risk ranking the office picks targets from.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var year = new Option<int>("--year") { Description = "计划年度，如 2026", Required = true };
        var top = new Option<int?>("--top") { Description = "只输出排名前 N 个村社（默认全部）" };
        var output = new Option<FileInfo>("--out") { Description = "输出的 Excel 文件（.xlsx）", Required = true };
        var region = new Option<string?>("--region") { Description = "只排序该区划内的村社，如 330782（义乌市）；默认全市" };
        var rank = new Command("rank", "按风险分对村社排序，输出各村的得分和因素") { year, top, output, region };
        rank.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(output)!;
            if (!file.Name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                await Console.Error.WriteLineAsync($"--out 应是 .xlsx 文件：{file.Name}");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(top) is <= 0)
            {
                await Console.Error.WriteLineAsync("--top 应大于 0。");
                return ExitCodes.Usage;
            }

            await using var services = CliHost.Build(parse.GetValue(CommonOptions.DataDir));
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            try
            {
                var system = await SystemScope(scope.ServiceProvider, ct);
                var ranking = await scope.ServiceProvider.GetRequiredService<RankVillagesHandler>()
                    .Handle(new RankVillages(parse.GetValue(year), parse.GetValue(region), parse.GetValue(top)), system, ct);
                file.Directory?.Create();
                var temp = file.FullName + ".tmp";
                await using (var stream = File.Create(temp))
                {
                    RankingExport.Write(stream, ranking);
                }

                File.Move(temp, file.FullName, overwrite: true);
                Console.Error.WriteLine($"{ranking.Year} 年风险排序：共 {ranking.Total} 个村社，输出 {ranking.Villages.Count} 个（数据截至 {ranking.AsOf:yyyy-MM-dd}）→ {file.FullName}");
                foreach (var v in ranking.Villages.Take(5))
                {
                    Console.Error.WriteLine($"  {v.Rank,3}. {v.CountyName}{v.TownshipName}{v.VillageName}  {v.Score:0.##} 分（{string.Join("，", v.Factors.Take(3).Select(f => $"{f.Name} +{f.Points:0.##}"))}）");
                }

                return ExitCodes.Ok;
            }
            catch (ValidationException ex)
            {
                foreach (var m in ex.Errors.SelectMany(e => e.Value.Select(m => $"--{(e.Key == "under" ? "region" : e.Key)}：{m}")))
                {
                    await Console.Error.WriteLineAsync(m);
                }

                return ExitCodes.Failed;
            }
        });
        return new Command("plan", "巡察规划") { rank };
    }

    /// <summary>The command line acts for the whole city, as the office's administrator would.</summary>
    private static async Task<UserScope> SystemScope(IServiceProvider services, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<XunchaDbContext>>().CreateDbContextAsync(ct);
        var city = await db.Regions.Where(r => r.Level == RegionLevel.City).Select(r => new { r.Code, r.Name }).FirstAsync(ct);
        return new UserScope("cli", "xuncha", "命令行", new HashSet<string> { Roles.Admin }, city.Code, city.Name);
    }
}
