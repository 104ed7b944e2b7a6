namespace ClaimReconcile.Pipeline;

/// <summary>How the pipeline's stages spread work over threads.</summary>
internal static class Parallelism
{
    /// <summary>
    /// At most one thread per core: on a busy machine more threads than cores only wait for each other (the stages
    /// measured slower than on one thread without this limit).
    /// </summary>
    public static ParallelOptions OnePerCore => new() { MaxDegreeOfParallelism = Environment.ProcessorCount };
}
