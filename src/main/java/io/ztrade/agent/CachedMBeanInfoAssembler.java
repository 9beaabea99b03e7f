package io.ztrade.agent;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.modelmbean.InvalidTargetObjectTypeException;
import javax.management.modelmbean.ModelMBean;
import javax.management.modelmbean.ModelMBeanInfo;
import javax.management.modelmbean.RequiredModelMBean;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedInstance;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.api.management.NotificationSenderAware;
import org.apache.camel.spring.spi.SpringManagementMBeanAssembler;
import org.apache.camel.support.management.MBeanInfoAssembler;
import org.apache.camel.support.management.MixinRequiredModelMBean;
import org.apache.camel.support.management.NotificationSenderAdapter;
import org.apache.camel.util.ObjectHelper;

/**
 * camel-spring's MBean assembler, with the MBean info of Camel's own managed objects made once per class instead of
 * once per MBean. Camel builds each MBean's {@link ModelMBeanInfo} anew from the class's annotations (its
 * descriptors are case-insensitive tree maps, filled field by field); with {@code Default} MBeans that is one MBean
 * per step of every agent, and at 5,000 agents 27 % of the start-up's samples (docs/benchmarks.md). The info depends
 * on the classes only (Camel's {@link MBeanInfoAssembler}: the name is the class's, the description its annotation's,
 * the attributes and operations its methods'); each MBean still gets a copy of its own ({@link RequiredModelMBean}
 * clones the info it is given). Objects with Spring's {@code @ManagedResource} go camel-spring's way, as before.
 */
final class CachedMBeanInfoAssembler extends SpringManagementMBeanAssembler {

    /** The infos of one managed class (and the class of the custom object it carries, or Void). */
    private record Infos(ModelMBeanInfo mbi, ModelMBeanInfo standard) {
    }

    private final CamelContext camel;
    private final Map<List<Class<?>>, Infos> infos = new ConcurrentHashMap<>();

    CachedMBeanInfoAssembler(CamelContext camel) {
        super(camel);
        this.camel = camel;
    }

    @Override
    public ModelMBean assemble(MBeanServer server, Object obj, ObjectName name) throws JMException {
        Object custom = obj instanceof ManagedInstance managed ? managed.getInstance() : null;
        if (springManaged(obj) || springManaged(custom)) {
            return super.assemble(server, obj, name);
        }
        Infos info = infos(obj, custom, name);
        if (info.mbi() == null) {
            return null;
        }
        // from here on as Camel's DefaultManagementMBeanAssembler.assemble
        boolean sanitize = Boolean.TRUE.equals(camel.getManagementStrategy().getManagementAgent().getMask());
        RequiredModelMBean mixin = null;
        Object target = obj;
        if (info.standard() != null) {
            mixin = (RequiredModelMBean) server.instantiate(RequiredModelMBean.class.getName());
            mixin.setModelMBeanInfo(info.standard());
            try {
                mixin.setManagedResource(obj, "ObjectReference");
            } catch (InvalidTargetObjectTypeException e) {
                throw new JMException(e.getMessage());
            }
            target = custom;
        }
        RequiredModelMBean mbean = new MixinRequiredModelMBean(info.mbi(), sanitize, info.standard(), mixin);
        try {
            mbean.setManagedResource(target, "ObjectReference");
        } catch (InvalidTargetObjectTypeException e) {
            throw new JMException(e.getMessage());
        }
        if (target instanceof NotificationSenderAware aware) {
            aware.setNotificationSender(new NotificationSenderAdapter(mbean));
        }
        return mbean;
    }

    private Infos infos(Object obj, Object custom, ObjectName name) throws JMException {
        List<Class<?>> key = List.of(obj.getClass(), custom == null ? Void.class : custom.getClass());
        Infos known = infos.get(key);
        if (known != null) {
            return known;
        }
        Infos made;
        if (custom != null && ObjectHelper.hasAnnotation(custom.getClass().getAnnotations(), ManagedResource.class)) {
            made = new Infos(assembler.getMBeanInfo(camel, obj, custom, name.toString()),
                    assembler.getMBeanInfo(camel, obj, null, name.toString()));
        } else {
            made = new Infos(assembler.getMBeanInfo(camel, obj, null, name.toString()), null);
        }
        infos.put(key, made);
        return made;
    }

    private static boolean springManaged(Object obj) {
        return obj != null && ObjectHelper.hasAnnotation(obj.getClass().getAnnotations(),
                org.springframework.jmx.export.annotation.ManagedResource.class);
    }
}
