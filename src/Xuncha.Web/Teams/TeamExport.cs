using MiniExcelLibs;
using Xuncha.Core.Features.Teams;
using Xuncha.Screening.Output;

namespace Xuncha.Web.Teams;

/// <summary>The teams of a round as Excel: one sheet of members, one of villages.</summary>
public static class TeamExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Xlsx(RoundTeams r)
    {
        var members = r.Teams.SelectMany(t => t.Members.Select(m => new Dictionary<string, object?>
        {
            ["巡察组"] = t.Name,
            ["角色"] = m.IsLeader ? "组长" : "组员",
            ["姓名"] = LeadsWriter.Safe(m.Name),
            ["单位"] = LeadsWriter.Safe(m.Unit),
            ["职务"] = LeadsWriter.Safe(m.Position),
            ["技能"] = string.Join("、", m.Skills),
            ["乡镇工作年限"] = m.TownshipYears,
            ["负责村社"] = string.Join("、", t.Villages.Select(v => v.Name)),
            ["提示"] = string.Join("；", t.Warnings),
        })).ToList();
        var villages = r.Teams.SelectMany(t => t.Villages.Select(v => (Team: t.Name, Village: v)))
            .Concat(r.Unassigned.Select(v => (Team: "（未分配）", Village: v)))
            .Select(x => new Dictionary<string, object?>
            {
                ["巡察组"] = x.Team,
                ["乡镇街道"] = x.Village.TownshipName,
                ["村社"] = x.Village.Name,
                ["村社代码"] = x.Village.Code,
            }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["巡察组成员"] = members.Count > 0 ? members : [new Dictionary<string, object?> { ["巡察组"] = null }],
            ["巡察村社"] = villages.Count > 0 ? villages : [new Dictionary<string, object?> { ["巡察组"] = null }],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}
