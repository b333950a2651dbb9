using System.Linq.Expressions;

namespace Xuncha.Core.Security;

/// <summary>
/// Narrows a query to a team member's own rounds and their villages (<see cref="UserScope.Villages"/>,
/// <see cref="UserScope.Rounds"/>); for everyone else the query is unchanged.
/// </summary>
public static class OwnRounds
{
    public static IQueryable<T> InOwnVillages<T>(this IQueryable<T> query, UserScope user, Expression<Func<T, string>> villageCode)
    {
        if (user.Villages is null)
        {
            return query;
        }

        var villages = user.Villages.ToList();
        Expression<Func<List<string>>> holder = () => villages;
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], holder.Body, villageCode.Body);
        return query.Where(Expression.Lambda<Func<T, bool>>(contains, villageCode.Parameters));
    }

    public static IQueryable<T> InOwnRounds<T>(this IQueryable<T> query, UserScope user, Expression<Func<T, Guid>> roundId)
    {
        if (user.Rounds is null)
        {
            return query;
        }

        var rounds = user.Rounds.ToList();
        Expression<Func<List<Guid>>> holder = () => rounds;
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], holder.Body, roundId.Body);
        return query.Where(Expression.Lambda<Func<T, bool>>(contains, roundId.Parameters));
    }
}
