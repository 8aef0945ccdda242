using System.Runtime.ExceptionServices;

namespace Influence.Internal;

/// <summary>
/// <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/> that fails as a loop would: when iterations throw,
/// the exception of the lowest failing iteration is rethrown as it is (its own type and stack, not wrapped in an
/// <see cref="AggregateException"/>), whatever the thread count.
/// </summary>
/// <remarks>
/// A failing iteration calls <see cref="ParallelLoopState.Break"/>: iterations after it are not started, and every
/// iteration before it still runs, so the lowest failing iteration is the same on every run.
/// </remarks>
internal static class ParallelLoop
{
    /// <summary>Runs <paramref name="body"/> for 0 … <paramref name="count"/> − 1.</summary>
    public static void For(int count, int maxDegreeOfParallelism, Action<int> body) =>
        For(count, maxDegreeOfParallelism, static () => 0, (i, local) =>
        {
            body(i);
            return local;
        });

    /// <summary>Runs <paramref name="body"/> for 0 … <paramref name="count"/> − 1 with a value local to each thread.</summary>
    public static void For<TLocal>(int count, int maxDegreeOfParallelism, Func<TLocal> init, Func<int, TLocal, TLocal> body)
    {
        var gate = new object();
        var failedAt = int.MaxValue;
        Exception? failure = null;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, count, options, init, (i, state, local) =>
        {
            try
            {
                return body(i, local);
            }
            catch (Exception e)
            {
                lock (gate)
                {
                    if (i < failedAt)
                    {
                        (failedAt, failure) = (i, e);
                    }
                }

                state.Break();
                return local;
            }
        }, static _ => { });

        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }
}
