using FluentAssertions;
using Influence.IO;

namespace Influence.Tests.Support;

/// <summary>The checks every fuzzer of the case reader makes of a read, whatever input it generated or damaged.</summary>
internal static class ReaderChecks
{
    /// <summary>The reader's result; a reader that throws fails, saying it threw instead of reporting problems.</summary>
    public static CaseReadResult NeverThrows(Func<CaseReadResult> read)
    {
        try
        {
            return read();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"the reader threw {e.GetType().Name} instead of reporting problems: {e.Message}", e);
        }
    }

    /// <summary>Reading the same input again gives the same problems, in the same order.</summary>
    public static void GivesTheSameProblemsAgain(CaseReadResult result, Func<CaseReadResult> read) =>
        read().Problems.Select(p => p.ToString()).Should().Equal(result.Problems.Select(p => p.ToString()), "the same input gives the same problems");
}
