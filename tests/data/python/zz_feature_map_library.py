# qvet-expect: {"qubits": 3, "clbits": 3, "depth": 2, "size": 4, "nonlocal": 1, "count_ops": {"measure": 3, "ZZFeatureMap": 1, "barrier": 1}}
"""A quantum kernel's feature map from the library: ZZFeatureMap(3), its x parameters bound to one
data point, composed into a circuit and measured (it stays one instruction, ZZFeatureMap)."""
from qiskit import QuantumCircuit
from qiskit.circuit.library import ZZFeatureMap

feature_map = ZZFeatureMap(feature_dimension=3, reps=2, entanglement="linear")
x = [0.3, 0.7, 1.1]
bound = feature_map.assign_parameters(x)

qc = QuantumCircuit(3)
qc.compose(bound, inplace=True)
qc.measure_all()
