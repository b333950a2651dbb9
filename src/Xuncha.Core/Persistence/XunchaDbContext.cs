using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Feedback;
using Xuncha.Core.Domain.Audit;
using Xuncha.Core.Domain.Checklists;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Notifications;
using Xuncha.Core.Domain.People;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Reports;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Domain.Teams;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Domain.Fieldwork;

namespace Xuncha.Core.Persistence;

public sealed class XunchaDbContext(DbContextOptions<XunchaDbContext> options)
    : IdentityDbContext<XunchaUser>(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<VillageProfile> VillageProfiles => Set<VillageProfile>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<ScreeningBatch> ScreeningBatches => Set<ScreeningBatch>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<VillageCadre> VillageCadres => Set<VillageCadre>();
    public DbSet<CadreRelative> CadreRelatives => Set<CadreRelative>();
    public DbSet<Petition> Petitions => Set<Petition>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanAttachment> PlanAttachments => Set<PlanAttachment>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<RoundTarget> RoundTargets => Set<RoundTarget>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonWork> PersonWorks => Set<PersonWork>();
    public DbSet<PersonRelative> PersonRelatives => Set<PersonRelative>();
    public DbSet<Expert> Experts => Set<Expert>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<ExpertInvitation> ExpertInvitations => Set<ExpertInvitation>();
    public DbSet<ChecklistTemplateItem> ChecklistTemplateItems => Set<ChecklistTemplateItem>();
    public DbSet<ChecklistItem> ChecklistItems => Set<ChecklistItem>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    /// <summary>Audit entries to chain at the next SaveChanges, in its transaction (not tracked: ids come from the chain).</summary>
    public List<AuditEvent> AuditQueue { get; } = [];

    public void Audit(AuditEvent entry) => AuditQueue.Add(entry);
    public DbSet<FieldRecord> FieldRecords => Set<FieldRecord>();
    public DbSet<GuidanceGroup> GuidanceGroups => Set<GuidanceGroup>();
    public DbSet<GuidanceRecord> GuidanceRecords => Set<GuidanceRecord>();
    public DbSet<GuidanceSuggestion> GuidanceSuggestions => Set<GuidanceSuggestion>();
    public DbSet<ReportChannel> ReportChannels => Set<ReportChannel>();
    public DbSet<PublicReport> PublicReports => Set<PublicReport>();
    public DbSet<Recovery> Recoveries => Set<Recovery>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<ClueTransfer> ClueTransfers => Set<ClueTransfer>();
    public DbSet<RectificationTask> RectificationTasks => Set<RectificationTask>();
    public DbSet<TaskOwner> TaskOwners => Set<TaskOwner>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<ProgressEvidence> ProgressEvidence => Set<ProgressEvidence>();
    public DbSet<TaskEvent> TaskEvents => Set<TaskEvent>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<FeedbackRecord> FeedbackRecords => Set<FeedbackRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(XunchaDbContext).Assembly);
        if (Database.IsSqlite())
        {
            // SQLite cannot compare DateTimeOffset text; the audit log is filtered by time.
            builder.Entity<AuditEvent>().Property(x => x.At)
                .HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
        }
    }
}
