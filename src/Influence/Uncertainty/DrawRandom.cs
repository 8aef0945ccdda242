namespace Influence.Uncertainty;

/// <summary>
/// The random numbers of one draw: SplitMix64 (Steele, Lea and Flood 2014) started from a state derived from the seed,
/// the draw's number and a stream number, so every draw has its own generator and no generator is ever shared
/// between threads. The same (seed, draw, stream) always gives the same numbers, on every machine.
/// </summary>
/// <remarks>
/// state₀ = mix(mix(seed) + mix(draw) + stream), where mix is SplitMix64's finaliser; then each number is
/// state += 0x9E3779B97F4A7C15, output = mix(state). Streams: 0 resamples the evidence, 1 perturbs the options.
/// </remarks>
internal struct DrawRandom
{
    public const ulong EvidenceStream = 0;
    public const ulong OptionsStream = 1;

    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    private DrawRandom(ulong state) => _state = state;

    /// <summary>The generator of a draw and stream.</summary>
    public static DrawRandom For(ulong seed, int draw, ulong stream) =>
        new(Mix(unchecked(Mix(seed) + Mix((ulong)draw) + stream)));

    /// <summary>SplitMix64's finaliser: a bijective mix of 64 bits.</summary>
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        _state = unchecked(_state + Gamma);
        return Mix(_state);
    }

    /// <summary>A uniform number in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A Poisson(1) count, by inversion of its distribution function (capped at 30; P(X &gt; 30) &lt; 1e-33).</summary>
    public int NextPoissonOne()
    {
        var u = NextDouble();
        var p = Math.Exp(-1);
        var cdf = p;
        var k = 0;
        while (u >= cdf && k < 30)
        {
            k++;
            p /= k;
            cdf += p;
        }

        return k;
    }
}
