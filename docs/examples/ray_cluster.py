"""Clean a JSONL corpus on a Ray cluster.

    pip install 'newsnoise[ray]'
    ray start --head            # or submit to an existing cluster: ray job submit -- python ray_cluster.py ...
    python ray_cluster.py s3://bucket/raw/ s3://bucket/clean/ --actors 64

Each actor builds one Cleaner (rules compiled once) and cleans the batches it receives.
"""
import argparse

import ray

from cleaner.integrations.ray import clean_dataset

parser = argparse.ArgumentParser()
parser.add_argument("input")
parser.add_argument("output")
parser.add_argument("--actors", type=int, default=8, help="one per CPU you want to use")
parser.add_argument("--column", default="text")
args = parser.parse_args()

ray.init()  # connects to the cluster given by RAY_ADDRESS, or starts a local one
dataset = ray.data.read_json(args.input)
cleaned = clean_dataset(dataset, column=args.column, concurrency=args.actors, trace_column="cleaner_trace")
cleaned.write_json(args.output)
