using Xuncha.Core.Domain.Users;

namespace Xuncha.Core.Features.Screening;

/// <summary>Who may do what with screening; the region scope applies on top.</summary>
public static class ScreeningAccess
{
    /// <summary>Import packages, run screening, triage leads.</summary>
    public static readonly IReadOnlySet<string> Operators = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice, Roles.TeamMember };

    /// <summary>See runs, leads and rule figures.</summary>
    public static readonly IReadOnlySet<string> Viewers = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice, Roles.TeamMember, Roles.GuidanceGroup };

    /// <summary>Name a folder on the server instead of uploading.</summary>
    public static readonly IReadOnlySet<string> FolderImporters = new HashSet<string> { Roles.Admin };
}
