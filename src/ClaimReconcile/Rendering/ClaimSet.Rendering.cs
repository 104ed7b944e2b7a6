using ClaimReconcile.Rendering;
using Microsoft.DotNet.Interactive;

namespace ClaimReconcile;

[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed partial class ClaimSet;
