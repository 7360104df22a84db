import SDCModel
import SDCYAML

/// Enough of the Kubernetes Go types (k8s.io/api v0.28.4, render.md §9.2 table) to reproduce how the operator
/// re-serialises what it copies: field declaration order (for `ENGINE_PREDICTOR`), `omitempty` dropping, structs
/// that are never omitted (`resources: {}`), and quantities in canonical form.
indirect enum GoType: Sendable {
    case object(String)
    case list(GoType)
    case map(GoType)
    case quantity
    /// Scalars and anything not modelled: kept as written.
    case plain
}

struct GoField: Sendable {
    enum Presence: Sendable {
        /// `omitempty` on a value: dropped when zero/empty.
        case omitEmpty
        /// `omitempty` on a pointer: dropped only when absent or null.
        case pointer
        /// no `omitempty`: always present (zero value when absent).
        case always
    }
    var name: String
    var presence: Presence
    var type: GoType
}

enum GoTypes {
    private static func f(_ spec: String, _ type: GoType = .plain) -> GoField {
        if spec.hasPrefix("?") { return GoField(name: String(spec.dropFirst()), presence: .omitEmpty, type: type) }
        if spec.hasPrefix("*") { return GoField(name: String(spec.dropFirst()), presence: .pointer, type: type) }
        return GoField(name: spec, presence: .always, type: type)
    }

    private static let volumeSources: [String] = [
        "hostPath", "emptyDir", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "secret", "nfs", "iscsi",
        "glusterfs", "persistentVolumeClaim", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "downwardAPI", "fc",
        "azureFile", "configMap", "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "projected",
        "portworxVolume", "scaleIO", "storageos", "csi", "ephemeral",
    ]

    static let structs: [String: [GoField]] = [
        "PodSpec": [
            f("?volumes", .list(.object("Volume"))), f("?initContainers", .list(.object("Container"))),
            f("containers", .list(.object("Container"))), f("?ephemeralContainers", .list(.object("Container"))),
            f("?restartPolicy"), f("*terminationGracePeriodSeconds"), f("*activeDeadlineSeconds"), f("?dnsPolicy"),
            f("?nodeSelector", .map(.plain)), f("?serviceAccountName"), f("?serviceAccount"),
            f("*automountServiceAccountToken"), f("?nodeName"), f("?hostNetwork"), f("?hostPID"), f("?hostIPC"),
            f("*shareProcessNamespace"), f("*securityContext", .object("PodSecurityContext")),
            f("?imagePullSecrets", .list(.object("LocalObjectReference"))), f("?hostname"), f("?subdomain"),
            f("*affinity"), f("?schedulerName"), f("?tolerations", .list(.object("Toleration"))), f("?hostAliases"),
            f("?priorityClassName"), f("*priority"), f("*dnsConfig"), f("?readinessGates"), f("*runtimeClassName"),
            f("*enableServiceLinks"), f("*preemptionPolicy"), f("?overhead", .map(.quantity)),
            f("?topologySpreadConstraints"), f("*setHostnameAsFQDN"), f("*os"), f("*hostUsers"), f("?schedulingGates"),
            f("?resourceClaims"),
        ],
        "Container": [
            f("name"), f("?image"), f("?command"), f("?args"), f("?workingDir"),
            f("?ports", .list(.object("ContainerPort"))), f("?envFrom", .list(.object("EnvFromSource"))),
            f("?env", .list(.object("EnvVar"))), f("resources", .object("ResourceRequirements")), f("?resizePolicy"),
            f("*restartPolicy"), f("?volumeMounts", .list(.object("VolumeMount"))), f("?volumeDevices"),
            f("*livenessProbe", .object("Probe")), f("*readinessProbe", .object("Probe")),
            f("*startupProbe", .object("Probe")), f("*lifecycle", .object("Lifecycle")), f("?terminationMessagePath"),
            f("?terminationMessagePolicy"), f("?imagePullPolicy"), f("*securityContext", .object("SecurityContext")),
            f("?stdin"), f("?stdinOnce"), f("?tty"),
        ],
        "ContainerPort": [f("?name"), f("?hostPort"), f("containerPort"), f("?protocol"), f("?hostIP")],
        "EnvVar": [f("name"), f("?value"), f("*valueFrom", .object("EnvVarSource"))],
        "EnvVarSource": [
            f("*fieldRef", .object("ObjectFieldSelector")), f("*resourceFieldRef", .object("ResourceFieldSelector")),
            f("*configMapKeyRef", .object("KeySelector")), f("*secretKeyRef", .object("KeySelector")),
        ],
        "ObjectFieldSelector": [f("?apiVersion"), f("fieldPath")],
        "ResourceFieldSelector": [f("?containerName"), f("resource"), f("?divisor", .quantity)],
        "KeySelector": [f("?name"), f("key"), f("*optional")],
        "EnvFromSource": [f("?prefix"), f("*configMapRef", .object("NamedRef")), f("*secretRef", .object("NamedRef"))],
        "NamedRef": [f("?name"), f("*optional")],
        "LocalObjectReference": [f("?name")],
        "ResourceRequirements": [f("?limits", .map(.quantity)), f("?requests", .map(.quantity)), f("?claims")],
        "VolumeMount": [f("name"), f("?readOnly"), f("mountPath"), f("?subPath"), f("*mountPropagation"), f("?subPathExpr")],
        "Probe": [
            f("*exec", .object("ExecAction")), f("*httpGet", .object("HTTPGetAction")),
            f("*tcpSocket", .object("TCPSocketAction")), f("*grpc"), f("?initialDelaySeconds"), f("?timeoutSeconds"),
            f("?periodSeconds"), f("?successThreshold"), f("?failureThreshold"), f("*terminationGracePeriodSeconds"),
        ],
        "ExecAction": [f("?command")],
        "HTTPGetAction": [f("?path"), f("port"), f("?host"), f("?scheme"), f("?httpHeaders")],
        "TCPSocketAction": [f("port"), f("?host")],
        "Lifecycle": [f("*postStart", .object("LifecycleHandler")), f("*preStop", .object("LifecycleHandler"))],
        "LifecycleHandler": [
            f("*exec", .object("ExecAction")), f("*httpGet", .object("HTTPGetAction")),
            f("*tcpSocket", .object("TCPSocketAction")), f("*sleep"),
        ],
        "SecurityContext": [
            f("*capabilities"), f("*privileged"), f("*seLinuxOptions"), f("*windowsOptions"), f("*runAsUser"),
            f("*runAsGroup"), f("*runAsNonRoot"), f("*readOnlyRootFilesystem"), f("*allowPrivilegeEscalation"),
            f("*procMount"), f("*seccompProfile"),
        ],
        "PodSecurityContext": [
            f("*seLinuxOptions"), f("*windowsOptions"), f("*runAsUser"), f("*runAsGroup"), f("*runAsNonRoot"),
            f("?supplementalGroups"), f("*fsGroup"), f("?sysctls"), f("*fsGroupChangePolicy"), f("*seccompProfile"),
        ],
        "Volume": [f("name")] + volumeSources.map { source in
            switch source {
            case "emptyDir": f("*emptyDir", .object("EmptyDirVolumeSource"))
            case "secret": f("*secret", .object("SecretVolumeSource"))
            case "configMap": f("*configMap", .object("ConfigMapVolumeSource"))
            case "persistentVolumeClaim": f("*persistentVolumeClaim", .object("PVCSource"))
            case "downwardAPI": f("*downwardAPI", .object("DownwardAPIVolumeSource"))
            default: f("*" + source)
            }
        },
        "EmptyDirVolumeSource": [f("?medium"), f("*sizeLimit", .quantity)],
        "SecretVolumeSource": [f("?secretName"), f("?items", .list(.object("KeyToPath"))), f("*defaultMode"), f("*optional")],
        "ConfigMapVolumeSource": [f("?name"), f("?items", .list(.object("KeyToPath"))), f("*defaultMode"), f("*optional")],
        "PVCSource": [f("claimName"), f("?readOnly")],
        "KeyToPath": [f("key"), f("path"), f("*mode")],
        "DownwardAPIVolumeSource": [f("?items", .list(.object("DownwardAPIVolumeFile"))), f("*defaultMode")],
        "DownwardAPIVolumeFile": [
            f("path"), f("*fieldRef", .object("ObjectFieldSelector")),
            f("*resourceFieldRef", .object("ResourceFieldSelector")), f("*mode"),
        ],
        "Toleration": [f("?key"), f("?operator"), f("?value"), f("?effect"), f("*tolerationSeconds")],
        "SeldonHpaSpec": [
            f("*minReplicas"), f("maxReplicas"), f("?metrics", .list(.object("MetricSpecV2beta1"))),
            f("?metricsv2", .list(.object("MetricSpecV2"))),
        ],
        "SeldonPdbSpec": [f("*minAvailable"), f("*maxUnavailable")],
        "SeldonScaledObjectSpec": [
            f("*pollingInterval"), f("*cooldownPeriod"), f("*minReplicaCount"), f("*maxReplicaCount"), f("*advanced"),
            f("triggers"), f("*idleReplicaCount"), f("*fallback"),
        ],
        "MetricSpecV2beta1": [
            f("type"), f("*object", .object("ObjectMetricV2beta1")), f("*pods", .object("PodsMetricV2beta1")),
            f("*resource", .object("ResourceMetricV2beta1")), f("*containerResource", .object("ContainerResourceMetricV2beta1")),
            f("*external", .object("ExternalMetricV2beta1")),
        ],
        "ResourceMetricV2beta1": [f("name"), f("*targetAverageUtilization"), f("*targetAverageValue", .quantity)],
        "ContainerResourceMetricV2beta1": [
            f("name"), f("*targetAverageUtilization"), f("*targetAverageValue", .quantity), f("container"),
        ],
        "PodsMetricV2beta1": [f("metricName"), f("targetAverageValue", .quantity), f("*selector")],
        "ObjectMetricV2beta1": [
            f("target", .object("CrossVersionObjectReference")), f("metricName"), f("targetValue", .quantity), f("*selector"),
            f("*averageValue", .quantity),
        ],
        "ExternalMetricV2beta1": [f("metricName"), f("*metricSelector"), f("*targetValue", .quantity), f("*targetAverageValue", .quantity)],
        "CrossVersionObjectReference": [f("kind"), f("name"), f("?apiVersion")],
        "MetricSpecV2": [
            f("type"), f("*object", .object("ObjectMetricV2")), f("*pods", .object("PodsMetricV2")),
            f("*resource", .object("ResourceMetricV2")), f("*containerResource", .object("ContainerResourceMetricV2")),
            f("*external", .object("ExternalMetricV2")),
        ],
        "ObjectMetricV2": [
            f("describedObject", .object("CrossVersionObjectReference")), f("target", .object("MetricTarget")),
            f("metric", .object("MetricIdentifier")),
        ],
        "PodsMetricV2": [f("metric", .object("MetricIdentifier")), f("target", .object("MetricTarget"))],
        "ResourceMetricV2": [f("name"), f("target", .object("MetricTarget"))],
        "ContainerResourceMetricV2": [f("name"), f("target", .object("MetricTarget")), f("container")],
        "ExternalMetricV2": [f("metric", .object("MetricIdentifier")), f("target", .object("MetricTarget"))],
        "MetricTarget": [f("type"), f("*value", .quantity), f("*averageValue", .quantity), f("*averageUtilization")],
        "MetricIdentifier": [f("name"), f("*selector")],
        "ObjectMeta": [
            f("?name"), f("?generateName"), f("?namespace"), f("?selfLink"), f("?uid"), f("?resourceVersion"),
            f("?generation"), f("creationTimestamp"), f("*deletionTimestamp"), f("*deletionGracePeriodSeconds"),
            f("?labels", .map(.plain)), f("?annotations", .map(.plain)), f("?ownerReferences"), f("?finalizers"),
            f("?clusterName"),
        ],
    ]

    /// One struct's fields in declaration order, and their positions by name.
    struct FieldTable: Sendable {
        let fields: [GoField]
        let positions: NameIndex

        func field(named name: String) -> GoField? { positions.position(of: name).map { fields[$0] } }
    }

    /// `structs` as field tables, found by struct name: `normalize` and `GoJSON` look up every key of every object.
    private static let fieldTables: (names: NameIndex, tables: [FieldTable]) = {
        let entries = structs.map { ($0.key, FieldTable(fields: $0.value, positions: NameIndex($0.value.map(\.name)))) }
        return (NameIndex(entries.map(\.0)), entries.map(\.1))
    }()

    static func fieldTable(_ structName: String) -> FieldTable? {
        fieldTables.names.position(of: structName).map { fieldTables.tables[$0] }
    }

    static func isVolumeSource(_ key: String) -> Bool { volumeSources.contains(key) }

    static func isEmpty(_ node: Node) -> Bool {
        switch node.content {
        case .scalar(let s):
            switch s.value {
            case .null: return true
            case .bool(let b): return !b
            case .int(let i): return i == 0
            case .uint(let u): return u == 0
            case .float(let d): return d == 0
            case .string: return s.text.isEmpty
            }
        case .sequence(let items): return items.isEmpty
        case .mapping(let pairs): return pairs.isEmpty
        }
    }

    /// The node as the operator's Go value would serialise it, in YAML terms: omitempty fields that are empty are
    /// dropped, never-omitted structs appear, quantities are canonical. Unknown fields are kept (the brief wants
    /// pod specs preserved); field order is left to the emitter's key sort.
    static func normalize(_ node: Node, as type: GoType) -> Node { normalized(node, as: type) ?? node }

    /// `normalize`, but nil when the node is already in that form: most of a pod spec is, and such subtrees are
    /// then shared instead of rebuilt array by array.
    private static func normalized(_ node: Node, as type: GoType) -> Node? {
        switch type {
        case .plain:
            return nil
        case .quantity:
            // Always a new string node, even when already canonical: `cpu: 1` (an int) encodes as "1".
            if let text = node.scalarText, !node.isNull, let c = Quantity.canonical(text) { return .string(c) }
            return nil
        case .list(let element):
            guard case .sequence(let items) = node.content else { return nil }
            var changed: [Node]?
            for i in items.indices {
                guard let item = normalized(items[i], as: element) else { continue }
                if changed == nil { changed = items }
                changed![i] = item
            }
            return changed.map { Node(.sequence($0), origin: node.origin) }
        case .map(let element):
            guard case .mapping(let pairs) = node.content else { return nil }
            var changed: [Node.Pair]?
            for i in pairs.indices {
                guard let value = normalized(pairs[i].value, as: element) else { continue }
                if changed == nil { changed = pairs }
                changed![i].value = value
            }
            return changed.map { Node(.mapping($0), origin: node.origin) }
        case .object(let name):
            guard let table = fieldTable(name), case .mapping(let pairs) = node.content else {
                return nil
            }
            // nil while the output is still `pairs` up to the current one.
            var out: [Node.Pair]?
            for i in pairs.indices {
                let pair = pairs[i]
                guard let field = table.field(named: pair.key.scalarText ?? "") else {
                    out?.append(pair)
                    continue
                }
                let dropped: Bool
                switch field.presence {
                case .omitEmpty: dropped = isEmpty(pair.value)
                case .pointer: dropped = pair.value.isNull
                case .always: dropped = false
                }
                let value = dropped ? nil : normalized(pair.value, as: field.type)
                if out == nil, dropped || value != nil {
                    out = Array(pairs[..<i])
                    out!.reserveCapacity(pairs.count)
                }
                if dropped { continue }
                out?.append(value.map { Node.Pair(key: pair.key, value: $0) } ?? pair)
            }
            // Struct-typed fields without omitempty are always encoded (`resources: {}`).
            for field in table.fields where field.presence == .always {
                if case .object = field.type, !(out ?? pairs).contains(where: { $0.key.scalarText == field.name }) {
                    if out == nil { out = pairs }
                    out!.append(Node.Pair(key: .string(field.name), value: .emptyMapping))
                }
            }
            return out.map { Node(.mapping($0), origin: node.origin) }
        }
    }
}
