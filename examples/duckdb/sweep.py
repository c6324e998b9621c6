# The same two queries in pandas (pip install pandas pyarrow), from the folder that holds results/.
import pandas as pd

runs = pd.read_parquet("results/legitimacy/runs.parquet")
ok = runs[runs.error.isna()].groupby("params.legitimacy")
g = ok.meanActiveFraction
half = 1.96 * g.std() / g.count() ** 0.5
print(pd.DataFrame({"runs": g.count(), "mean_active": g.mean(), "lo": g.mean() - half, "hi": g.mean() + half,
                    "peak_active": ok.peakActive.max()}))

series = pd.read_parquet("results/legitimacy/series.parquet")
print(series[series.step % 50 == 0].groupby(["params.legitimacy", "step"]).active.mean())
