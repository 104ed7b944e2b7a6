using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace ClaimReconcile;

/// <summary>Registers ClaimReconcile with a Microsoft.Extensions.DependencyInjection container.</summary>
public static class ClaimReconcileServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="Reconciler"/>, the configured <see cref="Serialization.ClaimSetReadOptions"/>
    /// (<see cref="ReconcilerOptions.Reading"/>) as a singleton for <see cref="Serialization.ClaimSetJson"/>, and, unless one is registered already, the system
    /// <see cref="IClock"/>. Safe to call more than once: services are added once, and every
    /// <paramref name="configure"/> action is applied, in the order of the calls, when the reconciler is built.
    /// The reconciler uses the default <see cref="Estimation.TruthDiscoveryEstimator"/> unless a configure action
    /// sets <see cref="ReconcilerOptions.Estimator"/> or changes <see cref="ReconcilerOptions.TruthDiscovery"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes to the default <see cref="ReconcilerOptions"/>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <example>
    /// <code>
    /// services.AddClaimReconcile(o => o.Hedges = HedgeTable.Default.With(Hedge.About, HedgeRule.Create(0.8, false, 1.2, false, true)));
    /// var reconciler = provider.GetRequiredService&lt;Reconciler&gt;();
    /// </code>
    /// </example>
    public static IServiceCollection AddClaimReconcile(this IServiceCollection services, Action<ReconcilerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var configuration = services.FirstOrDefault(d => d.ServiceType == typeof(ReconcilerConfiguration))?.ImplementationInstance as ReconcilerConfiguration;
        if (configuration is null)
        {
            configuration = new ReconcilerConfiguration();
            services.AddSingleton(configuration);
        }

        if (configure is not null)
        {
            configuration.Actions.Add(configure);
        }

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(provider => new Reconciler(Configure(provider), provider.GetRequiredService<IClock>()));
        services.TryAddSingleton(provider =>
        {
            var options = Configure(provider);
            options.Validate();
            return options.Reading;
        });
        return services;
    }

    private static ReconcilerOptions Configure(IServiceProvider provider)
    {
        var options = new ReconcilerOptions();
        foreach (var action in provider.GetRequiredService<ReconcilerConfiguration>().Actions)
        {
            action(options);
        }

        return options;
    }

    /// <summary>The configure actions of every <c>AddClaimReconcile</c> call, in order.</summary>
    private sealed class ReconcilerConfiguration
    {
        public List<Action<ReconcilerOptions>> Actions { get; } = [];
    }
}
