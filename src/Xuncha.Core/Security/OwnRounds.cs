using System.Linq.Expressions;

namespace Xuncha.Core.Security;

/// <summary>
/// Narrows a query to a team member's own rounds and their villages (<see cref="UserScope.Villages"/>,
/// <see cref="UserScope.Rounds"/>); for everyone else the query is unchanged.
/// </summary>
public static class OwnRounds
{
    public static IQueryable<T> InOwnVillages<T>(this IQueryable<T> query, UserScope user, Expression<Func<T, string>> villageCode) =>
        In(query, user.Villages, villageCode);

    public static IQueryable<T> InOwnRounds<T>(this IQueryable<T> query, UserScope user, Expression<Func<T, Guid>> roundId) =>
        In(query, user.Rounds, roundId);

    /// <summary><c>query.Where(x =&gt; own.Contains(key(x)))</c>, or the query unchanged when there is no such limit.</summary>
    private static IQueryable<T> In<T, TKey>(IQueryable<T> query, IReadOnlySet<TKey>? own, Expression<Func<T, TKey>> key)
    {
        if (own is null)
        {
            return query;
        }

        var values = own.ToList();
        Expression<Func<List<TKey>>> holder = () => values;
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TKey)], holder.Body, key.Body);
        return query.Where(Expression.Lambda<Func<T, bool>>(contains, key.Parameters));
    }
}
