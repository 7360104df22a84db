#!/usr/bin/env python3
"""Writes N varied SeldonDeployments as one YAML stream (deterministic for a given N and seed).

Usage: bench/gen_sdeps.py N [SEED] > sdeps.yaml

The mix follows what Seldon's own examples use: prepackaged servers of every kind, protocol v2, custom
containers with componentSpecs and resources, transformer -> model graphs, two predictors with traffic,
secrets for model downloads, pvc:// models. Each deployment yields about four Kubernetes objects.
"""
import random
import sys

import yaml

SERVERS = ["SKLEARN_SERVER", "XGBOOST_SERVER", "TENSORFLOW_SERVER", "MLFLOW_SERVER", "TRITON_SERVER"]
URIS = [
    "gs://seldon-models/v1.18.2/sklearn/iris",
    "s3://models/iris/{i}",
    "pvc://model-pvc/iris/{i}",
    "https://example.com/models/{i}/model.joblib",
]


def prepack(rng, i):
    impl = rng.choice(SERVERS)
    graph = {"name": "classifier", "implementation": impl, "modelUri": rng.choice(URIS).format(i=i)}
    if rng.random() < 0.4:
        graph["envSecretRefName"] = "seldon-rclone-secret"
    if rng.random() < 0.3:
        graph["parameters"] = [{"name": "method", "type": "STRING", "value": "predict_proba"}]
    spec = {"predictors": [{"name": "default", "replicas": rng.randint(1, 3), "graph": graph}]}
    # Triton speaks only the v2 protocol; sklearn and xgboost run on MLServer with it.
    if impl == "TRITON_SERVER" or (impl in ("SKLEARN_SERVER", "XGBOOST_SERVER") and rng.random() < 0.3):
        spec["protocol"] = "v2"
    if rng.random() < 0.3:
        spec["predictors"][0]["componentSpecs"] = [{"spec": {"containers": [
            {"name": "classifier", "resources": {"requests": {"cpu": "500m", "memory": "1Gi"}}}]}}]
    return spec


def custom(rng, i):
    containers = [
        {"name": "transformer", "image": f"example/transformer:{i % 7}.0"},
        {"name": "model", "image": f"example/model:{i % 11}.1",
         "resources": {"requests": {"cpu": "0.5", "memory": "512Mi"}, "limits": {"memory": "1024Mi"}},
         "env": [{"name": "MODEL_ID", "value": str(i)}]},
    ]
    graph = {"name": "transformer", "type": "TRANSFORMER",
             "children": [{"name": "model", "type": "MODEL"}]}
    return {"predictors": [{"name": "main", "replicas": 2, "graph": graph,
                            "componentSpecs": [{"spec": {"containers": containers}}]}]}


def canary(rng, i):
    def predictor(name, traffic, version):
        return {"name": name, "traffic": traffic, "replicas": 1,
                "graph": {"name": "classifier", "implementation": "SKLEARN_SERVER",
                          "modelUri": f"gs://seldon-models/iris/{version}"}}
    return {"predictors": [predictor("main", 75, "v1"), predictor("canary", 25, "v2")]}


def main():
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    makers = [prepack, prepack, prepack, custom, canary]
    out = sys.stdout
    for i in range(n):
        spec = makers[i % len(makers)](rng, i)
        doc = {"apiVersion": "machinelearning.seldon.io/v1", "kind": "SeldonDeployment",
               "metadata": {"name": f"model-{i}", "namespace": "bench"}, "spec": spec}
        if i:
            out.write("---\n")
        yaml.safe_dump(doc, out, sort_keys=False)


main()
