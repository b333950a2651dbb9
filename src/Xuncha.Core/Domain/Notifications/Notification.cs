namespace Xuncha.Core.Domain.Notifications;

/// <summary>
/// An in-app notification (站内通知) for one user. Audiences (a role within a region) are fanned
/// out to user ids when the notification is raised, so reading state is simply per row.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; }
    public required string UserId { get; init; }

    /// <summary>overdue / escalation / new-lead / task-assigned.</summary>
    public required string Kind { get; init; }

    public required string Title { get; init; }
    public string Body { get; init; } = "";
    public string? Link { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
}
