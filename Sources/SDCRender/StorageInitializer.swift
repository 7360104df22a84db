import SDCModel
import SDCYAML

extension Expansion {
    /// `InjectModelInitializer` (§8.3): the `<c>-model-initializer` init container, the `<c>-provision-location`
    /// emptyDir and the read-only mount on the target container; `pvc://` mounts the claim instead of copying
    /// from a remote.
    mutating func injectStorageInitializer(
        _ d: Int, container c: String, uri original: String, serviceAccount: String?, secret: String?, image: String?, path: String
    ) {
        guard !original.isEmpty else { return }
        guard deployments[d].hasContainer(c) else {
            error("sdep-initializer-target-missing", "no container named \(c) for the storage initializer", path: path)
            return
        }
        let vol = Naming.provisionVolumeName(c)
        let initName = Naming.initContainerName(c)
        // A user-supplied init container of that name is used as given (§8.3 step 1).
        if deployments[d].pod.hasItem("initContainers", named: initName) {
            _ = deployments[d].pod.updateContainer(c) { target in
                target.appendIfAbsent("volumeMounts", .mount(vol, "/mnt/models", readOnly: true))
            }
            return
        }
        var uri = original
        var initMounts: [Node] = []
        var newVolumes: [Node] = []
        if original.hasPrefix("pvc://") {
            let parts = original.dropFirst("pvc://".count).split(separator: "/", omittingEmptySubsequences: false)
            let claim = String(parts.first ?? "")
            let rest = parts.dropFirst().joined(separator: "/")
            newVolumes.append(.mapping([("name", .string("kfserving-pvc-source")), ("persistentVolumeClaim", .mapping([("claimName", .string(claim))]))]))
            initMounts.append(.mount("kfserving-pvc-source", "/mnt/pvc", readOnly: true))
            _ = deployments[d].pod.updateContainer(c) { target in
                target.appendIfAbsent("volumeMounts", .mount("kfserving-pvc-source", "/mnt/pvc", readOnly: true))
            }
            uri = "/mnt/pvc/" + rest
        }
        newVolumes.append(.mapping([("name", .string(vol)), ("emptyDir", .emptyMapping)]))
        initMounts.append(.mount(vol, "/mnt/models"))
        let chosenImage =
            (image.flatMap { $0.isEmpty ? nil : $0 }) ?? values.relatedImage("RELATED_IMAGE_STORAGE_INITIALIZER")
            ?? (values.storageInitializerImage.isEmpty ? "docker.io/seldonio/rclone-storage-initializer:latest" : values.storageInitializerImage)
        let r = values.storageInitializerResources
        var initContainer: [(String, Node)] = [
            ("name", .string(initName)), ("image", .string(chosenImage)), ("imagePullPolicy", .string("IfNotPresent")),
            ("args", .sequence([.string(uri), .string("/mnt/models")])), ("volumeMounts", .sequence(initMounts)),
            ("terminationMessagePath", .string("/dev/termination-log")), ("terminationMessagePolicy", .string("File")),
            ("resources", .mapping([
                ("limits", .mapping([("cpu", .string(r.cpuLimit)), ("memory", .string(r.memoryLimit))])),
                ("requests", .mapping([("cpu", .string(r.cpuRequest)), ("memory", .string(r.memoryRequest))])),
            ])),
        ]
        if let secret {
            initContainer.append(("envFrom", .sequence([.mapping([("secretRef", .mapping([("name", .string(secret))]))])])))
        }
        _ = deployments[d].pod.updateContainer(c) { target in
            target.appendIfAbsent("volumeMounts", .mount(vol, "/mnt/models", readOnly: true))
        }
        for v in newVolumes { deployments[d].pod.append("volumes", v) }
        deployments[d].pod.append("initContainers", .mapping(initContainer))
    }
}
