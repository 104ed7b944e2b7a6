using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace ClaimReconcile.Estimation;

/// <summary>
/// Finds sources that copy (ACCU-COPY's idea): independent sources rarely make the same mistake, so two sources
/// that give the very same value where it is judged false, time after time, are dependent. Only identical values
/// count as shared, and a value close to the consensus (within the similarity of the comparison) counts as right,
/// so sources that are merely close do not look copied.
/// </summary>
internal static class CopyDetector
{
    private struct Pair
    {
        public int Common;
        public double SharedFalse;
        public double Wrong;
    }

    public static ImmutableArray<DetectedDependence> Detect(TruthDiscoveryEstimator.GroupState[] groups, int sources, TruthDiscoveryOptions options)
    {
        var pairs = new Dictionary<long, Pair>();
        var wrong = new double[options.MaxClaimsPerGroupForCopying];
        foreach (var group in groups)
        {
            var claims = group.Group.Claims;
            if (group.Group.Voices < 3)
            {
                // With two voices nobody else says which of them is wrong.
                continue;
            }

            var n = Math.Min(claims.Length, options.MaxClaimsPerGroupForCopying);
            for (var c = 0; c < n; c++)
            {
                wrong[c] = 1 - group.TolerantProbability(c);
            }

            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    var (a, b) = (claims[i].Source, claims[j].Source);
                    if (a == b || claims[i].Voice == claims[j].Voice)
                    {
                        continue;
                    }

                    var key = ((long)Math.Min(a, b) * sources) + Math.Max(a, b);
                    ref var pair = ref CollectionsMarshal.GetValueRefOrAddDefault(pairs, key, out _);
                    pair.Common++;
                    pair.Wrong += Math.Max(wrong[i], wrong[j]);
                    if (group.ValueOf[i] >= 0 && group.ValueOf[i] == group.ValueOf[j])
                    {
                        pair.SharedFalse += Math.Min(wrong[i], wrong[j]);
                    }
                }
            }
        }

        var found = ImmutableArray.CreateBuilder<DetectedDependence>();
        foreach (var (key, pair) in pairs.OrderBy(p => p.Key))
        {
            if (pair.SharedFalse >= options.MinSharedFalse && pair.SharedFalse >= options.CopyThreshold * pair.Wrong)
            {
                found.Add(new DetectedDependence((int)(key / sources), (int)(key % sources), pair.Common, pair.SharedFalse, pair.Wrong));
            }
        }

        return found.ToImmutable();
    }

    /// <summary>For each source, the smallest source index of its family of dependent sources.</summary>
    public static int[] Families(ImmutableArray<DetectedDependence> dependencies, int sources)
    {
        var parent = Enumerable.Range(0, sources).ToArray();
        int Find(int s) => parent[s] == s ? s : parent[s] = Find(parent[s]);
        foreach (var d in dependencies)
        {
            var (a, b) = (Find(d.Source), Find(d.Other));
            if (a != b)
            {
                parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }

        for (var s = 0; s < sources; s++)
        {
            parent[s] = Find(s);
        }

        return parent;
    }
}
